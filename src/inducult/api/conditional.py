"""ETag and If-None-Match for every answer of the API: the ETag is a hash of the body, so an unchanged
answer is a 304 without a body. (The answer is still built: this saves the transfer, not the work.)"""

from django.middleware.http import ConditionalGetMiddleware
from django.utils.decorators import decorator_from_middleware

conditional = decorator_from_middleware(ConditionalGetMiddleware)
