package com.slaledger.testing.cycle.a;

import com.slaledger.testing.cycle.b.Beta;

/** Half of a package cycle on purpose: the architecture rules must see it (ArchitectureTest). */
public class Alpha {
    public Beta beta() {
        return new Beta();
    }
}
