"""`dondoc web`: the pages that the digests' signed links open (FastAPI, server-rendered Jinja2).

Nothing here is imported by a Prefect task; the routes call the use cases of dondoc.app.
"""
