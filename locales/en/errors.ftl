## Errors: error-<code> for every code the service or the desktop can answer
error-bad_request = The request could not be read. Please try again.
error-validation_failed = Some fields need your attention.
error-unauthenticated = Please sign in again.
error-forbidden = You are not allowed to do this.
error-not_found = This item no longer exists.
error-method_not_allowed = This action is not possible here.
error-conflict = This conflicts with a change made elsewhere. Reload and try again.
error-payload_too_large = This is too large to send.
error-rate_limited = Too many attempts. Please wait a moment and try again.
error-service_unavailable = The service is temporarily unavailable. Please try again shortly.
error-internal = Something went wrong on our side. Please try again later.
error-unreachable = The service cannot be reached. Check your connection.
error-local_store = OSO cannot read or write its data on this computer.
