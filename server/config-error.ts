/**
 * A setting the user got wrong. Its own module so that commands which read a setting or two
 * (the container health check) can report one the same way without loading the whole config.
 */
export class ConfigError extends Error {
  override name = 'ConfigError'
}
