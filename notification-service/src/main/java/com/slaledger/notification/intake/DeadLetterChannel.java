package com.slaledger.notification.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.slaledger.support.messaging.DeadLetters;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Notices that cannot be made from a record: their records go out on {@code dead-letters}. */
@ApplicationScoped
class DeadLetterChannel {

    @Produces
    @ApplicationScoped
    DeadLetters noticeDeadLetters(@Channel("dead-letters") MutinyEmitter<byte[]> emitter) {
        return new DeadLetters(emitter);
    }
}
