package org.lankit.hub;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Collection;
import java.util.Map;
import org.lankit.sync.EntryShapeException;

/**
 * Says what is wrong with a request body in the request's own terms (field paths such as
 * {@code entries[0].fields}, JSON types such as "an array"), never in Java's: no class names,
 * no parser internals.
 */
final class JsonProblem {

    private JsonProblem() {
    }

    static String describe(JsonProcessingException e) {
        if (e instanceof JsonMappingException && e.getCause() instanceof JsonProcessingException parsing) {
            return describe(parsing); // the body broke off or broke a limit while a field was read
        }
        if (e instanceof StreamConstraintsException) {
            return "the body is nested too deeply or holds a number or text that is too long";
        }
        if (e instanceof JsonParseException) return "the body is not valid JSON" + where(e.getLocation());
        if (!(e instanceof JsonMappingException mapping)) {
            return "the body is not valid JSON" + where(e.getLocation());
        }
        String path = path(mapping);
        if (e instanceof EntryShapeException shape) return path.isEmpty() ? shape.problem() : path + ": " + shape.problem();
        if (e instanceof PropertyBindingException unknown) {
            String field = unknown.getPropertyName();
            String in = path.contains(".") ? " in " + path.substring(0, path.lastIndexOf('.')) : "";
            return "unknown field \"" + field + "\"" + in;
        }
        if (e instanceof ValueInstantiationException) {
            return path.isEmpty() ? "the body holds a value that is not allowed" : path + " holds a value that is not allowed";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String expected = jsonType(mismatch.getTargetType());
            return path.isEmpty() ? "the body must be " + expected : path + " must be " + expected;
        }
        return path.isEmpty() ? "the body is not JSON of the expected shape" : path + " is not of the expected type";
    }

    /** {@code entries[0].fields.village}: the request's path to the value, as a device wrote it. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String jsonType(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) return "a string";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) return "a number";
        if (type.isArray() || Collection.class.isAssignableFrom(type)) return "an array";
        if (JsonNode.class.isAssignableFrom(type)) return "a JSON value";
        if (type.isEnum()) return "one of the known words";
        if (Map.class.isAssignableFrom(type) || type.isRecord()) return "an object";
        return "a value of another type";
    }

    private static String where(JsonLocation at) {
        if (at == null || at.getLineNr() < 1) return "";
        return " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
