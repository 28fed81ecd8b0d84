"""The web app: FastAPI serving server-rendered pages, a JSON API and vendored static assets.

Only this package (and the CLI) talks to users over HTTP; everything it shows comes from the
store and from the pure stages, so a report can be followed from bytes to rows without it.
"""
