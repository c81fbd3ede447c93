"""The process's Prometheus metrics: what is counted (`registry`), how client-chosen operation
names become bounded label values (`labels`). The HTTP side (the /metrics endpoint, the request
middleware, sampling of pools and caches) is `socialaid.api.metrics`."""
