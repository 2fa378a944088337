package io.newsroom.news.definitions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A component or page dialog of the light module ({@code dialogs/components/featuredNews.yaml}) as
 * the embedded runtime's form builder reads it: the fields Magnolia's dialogs of this module use
 * ({@code textField} with {@code maxLength}, {@code type: java.lang.Long}, {@code i18n};
 * {@code checkBoxField}; {@code comboBoxField} with an {@code optionListDatasource}), each with its
 * label and description keys, default value, whether it is required, and its {@code validators}
 * ({@code regexValidator} with {@code pattern} and {@code errorMessage}, {@code emailValidator}).
 */
public record DialogDefinition(String id, String labelKey, List<Field> fields) {
    private static final Pattern ID = Pattern.compile(LightModule.NAME + ":((?:pages|components)/[a-zA-Z0-9_-]+)");

    public enum Kind {
        TEXT,
        NUMBER,
        CHECKBOX,
        CHOICE,
        RICH_TEXT
    }

    /** One option of a choice: the stored value and its label key. */
    public record Option(String value, String labelKey) {}

    /** A validator of the field: the whole text must match {@code pattern}; {@code messageKey} says why not. */
    public record Rule(Pattern pattern, String messageKey) {
        public boolean accepts(String text) {
            return pattern.matcher(text).matches();
        }
    }

    /** What Magnolia's emailValidator accepts, near enough: one @, a dot in the domain, no spaces. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public record Field(
            String name,
            Kind kind,
            String labelKey,
            String descriptionKey,
            boolean i18n,
            boolean required,
            Integer maxLength,
            Object defaultValue,
            List<Option> options,
            List<Rule> rules) {

        /** The first rule a non-empty {@code text} breaks; empty when it keeps them all. */
        public Optional<Rule> broken(String text) {
            return rules.stream().filter(r -> !r.accepts(text)).findFirst();
        }
    }

    /** The dialog {@code id} names ({@code news:components/featuredNews}); empty when there is none. */
    public static Optional<DialogDefinition> load(LightModule module, String id) throws IOException {
        Matcher m = id == null ? null : ID.matcher(id);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        String file = "dialogs/" + m.group(1) + ".yaml";
        if (!module.exists(file)) {
            return Optional.empty();
        }
        Object tree = module.yaml(file);
        Map<?, ?> root = tree instanceof Map<?, ?> map ? map : Map.of();
        Map<?, ?> form = root.get("form") instanceof Map<?, ?> f ? f : Map.of();
        Map<?, ?> properties = form.get("properties") instanceof Map<?, ?> p ? p : Map.of();
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<?, ?> entry : properties.entrySet()) {
            fields.add(field(
                    file, String.valueOf(entry.getKey()), entry.getValue() instanceof Map<?, ?> d ? d : Map.of()));
        }
        return Optional.of(new DialogDefinition(id, string(root.get("label")), List.copyOf(fields)));
    }

    private static Field field(String file, String name, Map<?, ?> definition) {
        String type = string(definition.get("$type"));
        Kind kind = switch (type == null ? "" : type) {
            case "textField" -> "java.lang.Long".equals(string(definition.get("type"))) ? Kind.NUMBER : Kind.TEXT;
            case "checkBoxField" -> Kind.CHECKBOX;
            case "richTextField" -> Kind.RICH_TEXT;
            case "comboBoxField", "selectField" -> Kind.CHOICE;
            default ->
                throw new IllegalArgumentException(
                        file + ": field '" + name + "' has a type the form builder does not know: " + type);
        };
        List<Option> options = new ArrayList<>();
        if (definition.get("datasource") instanceof Map<?, ?> datasource
                && datasource.get("options") instanceof Map<?, ?> map) {
            for (Object option : map.values()) {
                if (option instanceof Map<?, ?> o) {
                    options.add(new Option(string(o.get("value")), string(o.get("label"))));
                }
            }
        }
        Integer maxLength = definition.get("maxLength") instanceof Number n ? n.intValue() : null;
        List<Rule> rules = new ArrayList<>();
        if (definition.get("validators") instanceof Map<?, ?> validators) {
            for (Map.Entry<?, ?> v : validators.entrySet()) {
                Map<?, ?> validator = v.getValue() instanceof Map<?, ?> m ? m : Map.of();
                String validatorType = string(validator.get("$type"));
                String message = string(validator.get("errorMessage"));
                switch (validatorType == null ? "" : validatorType) {
                    case "regexValidator" -> {
                        String pattern = string(validator.get("pattern"));
                        if (pattern == null) {
                            throw new IllegalArgumentException(
                                    file + ": validator '" + v.getKey() + "' of '" + name + "' has no pattern");
                        }
                        rules.add(new Rule(Pattern.compile(pattern), message));
                    }
                    case "emailValidator" -> rules.add(new Rule(EMAIL, message));
                    default ->
                        throw new IllegalArgumentException(file + ": validator '" + v.getKey() + "' of '" + name
                                + "' has a type the form builder does not know: " + validatorType);
                }
            }
        }
        return new Field(
                name,
                kind,
                string(definition.get("label")),
                string(definition.get("description")),
                Boolean.TRUE.equals(definition.get("i18n")),
                Boolean.TRUE.equals(definition.get("required")),
                maxLength,
                definition.get("defaultValue"),
                List.copyOf(options),
                List.copyOf(rules));
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
