package com.slaledger.testing.cycle.a;

/** A feature's service. */
public class AlphaService {}
