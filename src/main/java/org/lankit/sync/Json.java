package org.lankit.sync;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration of the kit: strict on input (unknown properties, quoted numbers,
 * deep nesting, huge numbers and trailing tokens are refused) so bad input fails before it is
 * stored. Numbers a device may leave out (such as {@code seq}, which only the master sets) read
 * as 0, and {@link EntryValidator} checks the ones that must be set.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(32)
                            .maxNumberLength(40)
                            .maxStringLength(1_000_000)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private Json() {
    }
}
