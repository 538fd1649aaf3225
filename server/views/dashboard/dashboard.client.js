/**
 * The dashboard's script, served at /__dashboard/dashboard.js: plain browser JavaScript (ES5, no
 * build step, no modules), so any browser a tester has runs it as written. It adds what
 * server-rendered HTML cannot: the live journal (server-sent events read through fetch, so the
 * admin token can go in a header, which EventSource cannot send), the scenario switches, session
 * actions, the token form with its copy button and the catalogue filter. The admin token, when
 * the sandbox has one, stays in sessionStorage (this tab only).
 */
(function () {
  'use strict'
  var TOKEN_KEY = 'kjernejournal-sandbox.adminToken'
  var MAX_ROWS = 300
  var body = document.body
  var base = body.getAttribute('data-base') || ''
  var stream = null
  var paused = false
  var held = []

  function token () {
    try { return sessionStorage.getItem(TOKEN_KEY) || '' } catch (e) { return '' }
  }
  function headers (extra) {
    var h = extra || {}
    var t = token()
    if (t) h.authorization = 'Bearer ' + t
    return h
  }
  function $ (id) { return document.getElementById(id) }
  function announce (text) {
    var el = $('announce')
    if (!el) return
    el.textContent = ''
    setTimeout(function () { el.textContent = text }, 30)
  }
  function esc (text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]
    })
  }
  function admin (method, path, payload) {
    var init = { method: method, headers: headers(payload === undefined ? {} : { 'content-type': 'application/json' }) }
    if (payload !== undefined) init.body = JSON.stringify(payload)
    return fetch(base + '/__admin' + path, init).then(function (res) {
      if (res.status === 204) return null
      return res.json().then(function (data) {
        if (!res.ok) throw new Error((data && (data.message || data.error)) || ('HTTP ' + res.status))
        return data
      })
    })
  }

  // ---- page refresh: the same page, fetched with the token, its main swapped in ----------------
  function refresh () {
    return fetch(location.pathname + location.search, { headers: headers({ accept: 'text/html' }) })
      .then(function (res) { return res.text() })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html')
        var next = doc.body.getAttribute('data-locked') === 'true'
        if (next && token()) throw new Error('the admin token was not accepted')
        document.querySelector('main').innerHTML = doc.querySelector('main').innerHTML
        body.setAttribute('data-locked', String(next))
        initForms()
        startJournal()
      })
  }

  // ---- live journal ----------------------------------------------------------------------------
  function journalRow (e) {
    var cls = e.status >= 500 ? 'st-server' : e.status >= 400 ? 'st-client' : 'st-ok'
    var code = ''
    if (e.code) code = e.code.indexOf('oauth:') === 0 ? '<code>' + esc(e.code) + '</code>' : '<a class="code" href="#code-' + esc(e.code) + '">' + esc(e.code) + '</a>'
    var why = (e.rule ? ['<span class="rule">scenario ' + esc(e.rule) + '</span>'] : []).concat((e.findings || []).map(function (f) {
      return '<a class="finding" href="#readiness">' + esc(f) + '</a>'
    })).join('<br>')
    return '<tr class="fresh" data-seq="' + e.seq + '"><td><time datetime="' + esc(e.time) + '">' + esc(e.time.slice(11, 19)) + '</time></td><td>' +
      esc(e.method) + '</td><td class="path">' + esc(e.path) + '</td><td><span class="status ' + cls + '">' + e.status + '</span></td><td>' + code + '</td><td>' + why + '</td></tr>'
  }
  function addEntry (e) {
    var rows = $('journal-rows')
    var table = $('journal-table')
    if (!rows || !table) return
    if (Number(table.getAttribute('data-last-seq')) >= e.seq && rows.querySelector('tr[data-seq="' + e.seq + '"]')) return
    table.setAttribute('data-last-seq', String(e.seq))
    rows.insertAdjacentHTML('afterbegin', journalRow(e))
    while (rows.rows.length > MAX_ROWS) rows.deleteRow(rows.rows.length - 1)
    var empty = $('journal-empty')
    if (empty) empty.hidden = true
    var live = $('journal-announce')
    if (live) live.textContent = e.method + ' ' + e.path + ' answered ' + e.status + (e.code ? ' ' + e.code : '')
  }
  function setConnection (state, text) {
    var el = $('journal-connection')
    if (!el) return
    el.setAttribute('data-state', state)
    el.textContent = text
  }
  function handle (block) {
    var event = 'message'
    var data = ''
    block.split('\n').forEach(function (line) {
      if (line.indexOf('event:') === 0) event = line.slice(6).trim()
      else if (line.indexOf('data:') === 0) data += line.slice(5).trim()
    })
    if (event === 'request') {
      var entry = JSON.parse(data)
      if (paused) held.push(entry)
      else addEntry(entry)
    } else if (event === 'hello') {
      setConnection('live', 'live')
    }
  }
  function startJournal () {
    if (stream) stream.abort()
    stream = null
    var table = $('journal-table')
    if (!table || body.getAttribute('data-locked') === 'true') return
    var controller = new AbortController()
    stream = controller
    var h = headers({ accept: 'text/event-stream' })
    h['last-event-id'] = table.getAttribute('data-last-seq') || '0'
    fetch(base + '/__admin/requests/stream', { headers: h, signal: controller.signal, cache: 'no-store' }).then(function (res) {
      if (!res.ok || !res.body) throw new Error('HTTP ' + res.status)
      var reader = res.body.getReader()
      var decoder = new TextDecoder()
      var buffer = ''
      function pump () {
        return reader.read().then(function (chunk) {
          if (chunk.done) return
          buffer += decoder.decode(chunk.value, { stream: true })
          var cut
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            handle(buffer.slice(0, cut))
            buffer = buffer.slice(cut + 2)
          }
          return pump()
        })
      }
      return pump()
    }).then(function () { retry(controller) }, function () { retry(controller) })
  }
  function retry (controller) {
    if (controller.signal.aborted || stream !== controller) return
    setConnection('retrying', 'reconnecting')
    setTimeout(function () { if (stream === controller) startJournal() }, 2000)
  }

  // ---- clicks ----------------------------------------------------------------------------------
  document.addEventListener('click', function (event) {
    var target = event.target.closest ? event.target.closest('button') : null
    if (!target) return
    var scenario = target.getAttribute('data-scenario')
    if (scenario) {
      var on = target.getAttribute('aria-checked') !== 'true'
      target.setAttribute('aria-busy', 'true')
      admin('POST', '/scenarios/' + encodeURIComponent(scenario) + (on ? '/activate' : '/deactivate')).then(function (s) {
        target.setAttribute('aria-checked', String(s.active))
        target.closest('.scenario').classList.toggle('on', s.active)
        var state = document.querySelector('[data-scenario-state="' + scenario + '"]')
        if (state && s.state) state.textContent = s.state
        announce('Scenario ' + scenario + (s.active ? ' on' : ' off'))
      }, function (err) { announce('Scenario ' + scenario + ': ' + err.message) })
        .then(function () { target.removeAttribute('aria-busy') })
      return
    }
    var action = target.getAttribute('data-session-action')
    if (action) {
      var id = target.getAttribute('data-session-id')
      if (action === 'delete' && !confirm('Delete session ' + id + '?')) return
      var call = action === 'reset' ? admin('POST', '/sessions/' + encodeURIComponent(id) + '/reset') : admin('DELETE', '/sessions/' + encodeURIComponent(id))
      call.then(function () {
        if (action === 'delete' && id === body.getAttribute('data-session')) { location.href = '/'; return }
        return refresh().then(function () { announce('Session ' + id + (action === 'reset' ? ' reset' : ' deleted')) })
      }, function (err) { announce('Session ' + id + ': ' + err.message) })
      return
    }
    var profile = target.getAttribute('data-profile')
    if (profile) {
      admin('PUT', '/profile', { profile: profile }).then(function () {
        return refresh().then(function () { announce('Profile ' + profile) })
      }, function (err) { announce('Profile: ' + err.message) })
      return
    }
    if (target.id === 'readiness-refresh') {
      refresh().then(function () { announce('Readiness refreshed') }, function (err) { announce('Refresh: ' + err.message) })
      return
    }
    if (target.id === 'journal-pause') {
      paused = !paused
      target.setAttribute('aria-pressed', String(paused))
      target.textContent = paused ? 'Resume' : 'Pause'
      if (!paused) { held.forEach(addEntry); held = [] }
      return
    }
    if (target.id === 'journal-clear') {
      admin('DELETE', '/requests').then(function () {
        $('journal-rows').innerHTML = ''
        $('journal-empty').hidden = false
        announce('Journal cleared')
      }, function (err) { announce('Clear: ' + err.message) })
      return
    }
    if (target.id === 'copy-token') {
      var field = $('minted-token')
      var done = function () { $('token-status').textContent = 'Token copied to the clipboard.' }
      var fallback = function () {
        field.focus()
        field.select()
        try { document.execCommand('copy'); done() } catch (e) { $('token-status').textContent = 'Select the token and copy it.' }
      }
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(field.value).then(done, fallback)
      else fallback()
    }
  })

  // ---- forms -----------------------------------------------------------------------------------
  document.addEventListener('submit', function (event) {
    var form = event.target
    if (form.id === 'token-form') {
      event.preventDefault()
      var flags = Array.prototype.map.call(form.querySelectorAll('input[name="flags"]:checked'), function (i) { return i.value })
      var choice = { audience: form.audience.value, flags: flags }
      if (form.user.value.trim()) choice.user = form.user.value.trim()
      if (form.organisation.value.trim()) choice.organisation = form.organisation.value.trim()
      $('token-status').textContent = 'Minting...'
      admin('POST', '/tokens', choice).then(function (res) {
        $('minted-token').value = res.accessToken
        $('token-claims').textContent = JSON.stringify(res.claims, null, 2)
        $('token-expect').textContent = res.expectedCodes.length === 0
          ? 'A valid token: /v1/ping answers 200.'
          : 'Expected at /v1/ping: ' + res.expectedCodes.map(function (e) { return e.code + ' (' + e.flag + ')' }).join(', ') + '.'
        $('token-result').hidden = false
        $('token-status').textContent = 'Token minted.'
      }, function (err) { $('token-status').textContent = 'Could not mint: ' + err.message })
    } else if (form.id === 'unlock-form') {
      event.preventDefault()
      try { sessionStorage.setItem(TOKEN_KEY, form.token.value) } catch (e) {}
      $('unlock-status').textContent = 'Checking...'
      refresh().then(function () { announce('Dashboard unlocked'); $('main').focus() }, function (err) {
        try { sessionStorage.removeItem(TOKEN_KEY) } catch (e) {}
        $('unlock-status').textContent = err.message
      })
    } else if (form.id === 'new-session') {
      event.preventDefault()
      var id = form.session.value.trim()
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) { announce('A session id is 1-64 letters, digits, _ or -'); return }
      location.href = '/s/' + encodeURIComponent(id) + '/'
    } else if (form.id === 'catalogue-form') {
      event.preventDefault()
      filterCatalogue()
    }
  })

  // ---- catalogue filter ------------------------------------------------------------------------
  function filterCatalogue () {
    var input = $('catalogue-search')
    if (!input) return
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean)
    var rows = document.querySelectorAll('#catalogue-table tbody tr')
    var shown = 0
    Array.prototype.forEach.call(rows, function (row) {
      var text = row.getAttribute('data-search') || ''
      var match = words.every(function (w) { return text.indexOf(w) >= 0 })
      row.hidden = !match
      if (match) shown++
    })
    $('catalogue-count').textContent = shown + ' of ' + rows.length + ' codes'
  }
  document.addEventListener('input', function (event) {
    if (event.target.id === 'catalogue-search') filterCatalogue()
    if (event.target.id === 'token-user') {
      var system = event.target.value.trim() === ''
      Array.prototype.forEach.call(document.querySelectorAll('input[data-user-only]'), function (box) {
        box.disabled = system
        if (system) box.checked = false
      })
    }
  })

  // ---- start -----------------------------------------------------------------------------------
  function initForms () {
    var user = $('token-user')
    var system = !user || user.value.trim() === ''
    Array.prototype.forEach.call(document.querySelectorAll('input[data-user-only]'), function (box) { box.disabled = system })
  }
  function start () {
    initForms()
    if (body.getAttribute('data-locked') === 'true' && token()) {
      refresh().catch(function () { try { sessionStorage.removeItem(TOKEN_KEY) } catch (e) {} })
    } else {
      startJournal()
    }
  }
  window.addEventListener('pagehide', function () { if (stream) stream.abort(); stream = null })
  start()
})()
