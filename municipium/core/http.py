"""HTTP details Django leaves to the server."""


class HeadWithoutBodyMiddleware:
    """Answer HEAD with GET's headers and no body. Django renders the body anyway; gunicorn then
    drops it and logs a warning for each such request, which uptime probes send all day. The
    Content-Length stays the one a GET would get, as RFC 9110 allows."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD" and not response.streaming and response.content:
            length = len(response.content)
            response.content = b""
            response.headers["Content-Length"] = str(length)
        return response
