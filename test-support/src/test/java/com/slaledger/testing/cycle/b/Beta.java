package com.slaledger.testing.cycle.b;

import com.slaledger.testing.cycle.a.Alpha;

/** The other half of the cycle. */
public class Beta {
    public Alpha alpha() {
        return new Alpha();
    }
}
