"""Read-only aggregate queries for the dashboards (true values; see `dashboards.privacy`)."""
