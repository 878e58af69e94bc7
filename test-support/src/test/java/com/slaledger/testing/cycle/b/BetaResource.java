package com.slaledger.testing.cycle.b;

import com.slaledger.testing.cycle.a.AlphaService;

/** A resource that calls another feature's service, on purpose. */
public class BetaResource {
    public String call() {
        return new AlphaService().toString();
    }
}
