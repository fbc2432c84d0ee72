"""The analyst's workbench commands: `warlog export`, `warlog correct ...` and `warlog corrections`.

The libraries they shell are warlog.export and warlog.store.corrections; the REST API (warlog.api) and the
web page (warlog.web) wrap the same functions.
"""
