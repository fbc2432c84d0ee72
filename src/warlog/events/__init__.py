"""Events: triggers, roles, status, tolls and codes."""
