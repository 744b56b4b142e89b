package dk.tvaers.platform.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * One choice in a select or checkbox group: its value and either a message key (a word of the interface) or a
 * label (data, such as an organisation's name).
 */
public record SelectOption(String value, String labelKey, String label) {

    public static SelectOption ofKey(String value, String labelKey) {
        return new SelectOption(value, labelKey, null);
    }

    public static SelectOption ofLabel(String value, String label) {
        return new SelectOption(value, null, label);
    }

    /** Options for every constant of an enum that has a message key. */
    public static <E extends Enum<E>> List<SelectOption> ofEnum(E[] values, Function<E, String> messageKey) {
        return Arrays.stream(values).map(value -> ofKey(value.name(), messageKey.apply(value))).toList();
    }

    public static <T> List<SelectOption> of(Collection<T> items, Function<T, Object> value, Function<T, String> label) {
        return items.stream().map(item -> ofLabel(String.valueOf(value.apply(item)), label.apply(item))).toList();
    }
}
