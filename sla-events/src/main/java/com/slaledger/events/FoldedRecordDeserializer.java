package com.slaledger.events;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import org.apache.kafka.common.header.Headers;

/**
 * For the records the ledger folds record by record (tickets, duty evidence): a record that cannot
 * be read becomes a null value with the reason and its own bytes in the headers the dead-letter
 * code reads ({@link #FAILURE_REASON}, {@link #FAILURE_DATA}), instead of an exception. The
 * consumer then dead-letters it and records its fold position like any record it puts aside; with
 * the exception, the connector dead-lettered it by itself and the position was never recorded, so
 * the ledger counted itself behind on that partition until another record happened to land there
 * (and judged no ongoing outage in the meantime).
 */
public class FoldedRecordDeserializer<T> extends ObjectMapperDeserializer<T> {

    public static final String FAILURE_REASON = "deserialization-failure-reason";
    public static final String FAILURE_DATA = "deserialization-failure-data";

    public FoldedRecordDeserializer(Class<T> type, ObjectMapper mapper) {
        super(type, mapper);
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        try {
            return super.deserialize(topic, headers, data);
        } catch (RuntimeException e) {
            if (headers != null) {
                String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                headers.add(FAILURE_REASON, String.valueOf(reason).getBytes(StandardCharsets.UTF_8));
                headers.add(FAILURE_DATA, data == null ? new byte[0] : data);
            }
            return null;
        }
    }
}
