package com.linetrace.trace;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Trace alone on real servers, for its integration tests. */
@SpringBootApplication
public class TraceTestApplication {}
