"""The use cases: what the CLI, the web pages, the Prefect tasks and APScheduler all call.

Each module takes settings and plain values, opens its own session where it needs one, and
returns plain data; none of them prints or reads the command line.
"""
