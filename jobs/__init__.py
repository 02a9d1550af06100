"""Background work: RQ job functions, the queue (RQ or in-process) and the clock process."""
