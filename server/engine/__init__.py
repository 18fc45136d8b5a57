"""Running queries: the service the app asks (service), the pool of killable worker processes (pool, worker,
template), where their data comes from (sources), the answer cache, and the writing of answers (results,
answers) inside the workers."""
