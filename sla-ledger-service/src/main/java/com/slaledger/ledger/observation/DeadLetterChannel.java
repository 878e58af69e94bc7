package com.slaledger.ledger.observation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.slaledger.support.messaging.DeadLetters;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** The ledger's dead letters go out on its outgoing channel {@code dead-letters}. */
@ApplicationScoped
public class DeadLetterChannel {

    @Produces
    @ApplicationScoped
    DeadLetters deadLetters(@Channel("dead-letters") MutinyEmitter<byte[]> emitter) {
        return new DeadLetters(emitter);
    }
}
