"""The benchmark harness's library: processes, daemons, statistics, the report, and one module per scenario."""
