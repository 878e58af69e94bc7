package com.slaledger.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.serialization.Serializer;

/**
 * The value serializer of dead-letter producers: the original bytes of a record that could not
 * be read (as bytes, or as the text a consumer took it as), or the JSON of an event that was read
 * but could not be processed.
 */
public class DeadLetterSerializer implements Serializer<Object> {

    private final EventSerializer json = new EventSerializer();

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        if (data instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return json.serialize(topic, data);
    }
}
