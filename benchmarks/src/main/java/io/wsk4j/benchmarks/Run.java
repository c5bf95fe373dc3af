package io.wsk4j.benchmarks;

/** One case as it ran: which case, in which round, with what result. */
record Run(CaseSpec spec, int round, CaseResult result) {}
