package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.newsroom.news.article.ConflictException;
import io.newsroom.news.article.RichTextSanitizer;
import io.newsroom.news.definitions.DialogDefinition;
import io.newsroom.news.pages.WebsitePages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.jcr.RepositoryException;
import org.jsoup.Jsoup;

/**
 * The settings form of one component, generated from the light module's dialog definition (the
 * same YAML Magnolia opens): a text field per {@code textField} (an English one beside it for an
 * {@code i18n} field, stored as {@code <name>_en}), a checkbox per {@code checkBoxField}, a choice
 * per {@code comboBoxField}; labels and help from the bundles; the dialog's rules checked (required,
 * {@code maxLength}, whole numbers, its {@code validators}) before anything is saved, each message on
 * its field; a save over someone else's newer one is refused. A {@code category} setting is chosen
 * from the categories articles have (a typed one that no article has emptied a block without a word).
 * A component being added is stored only when its form is saved: a cancelled add adds nothing.
 */
final class ComponentForm {
    private final AdminContext admin;
    private final WebsitePages pages;
    private final DialogDefinition dialog;
    private final WebsitePages.ComponentInfo component;
    private final Map<String, Component> inputs = new LinkedHashMap<>();
    /** Where a component being added goes; null when the form edits a stored one. */
    private final Placement placement;

    /** A component not stored yet: its page, area and template. */
    record Placement(String pagePath, String area, String templateId) {}

    ComponentForm(
            AdminContext admin, WebsitePages pages, DialogDefinition dialog, WebsitePages.ComponentInfo component) {
        this(admin, pages, dialog, component, null);
    }

    /** The form of a component to add to {@code placement}, starting from {@code defaults}; saving adds it. */
    static ComponentForm adding(
            AdminContext admin,
            WebsitePages pages,
            DialogDefinition dialog,
            Placement placement,
            Map<String, Object> defaults) {
        return new ComponentForm(
                admin,
                pages,
                dialog,
                new WebsitePages.ComponentInfo(null, placement.templateId(), -1, defaults),
                placement);
    }

    private ComponentForm(
            AdminContext admin,
            WebsitePages pages,
            DialogDefinition dialog,
            WebsitePages.ComponentInfo component,
            Placement placement) {
        this.admin = admin;
        this.pages = pages;
        this.dialog = dialog;
        this.component = component;
        this.placement = placement;
    }

    void open(Consumer<WebsitePages.ComponentInfo> saved) {
        Dialog window = new Dialog();
        window.setId("component-form");
        window.setHeaderTitle(admin.text(dialog.labelKey()));
        window.setWidth("min(640px, 95vw)");
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        for (DialogDefinition.Field field : dialog.fields()) {
            form.add(input(field, field.name(), admin.text(field.labelKey())));
            if (field.i18n()) {
                form.add(input(field, field.name() + "_en", admin.text(field.labelKey()) + " (English)"));
            }
        }
        window.add(form);
        Button cancel = new Button(admin.text("news.admin.cancel"), e -> window.close());
        cancel.setId("component-cancel");
        Button save = new Button(admin.text("news.admin.save"), e -> {
            Map<String, Object> values = values();
            if (values == null) {
                Notices.show(admin.text("news.admin.error.invalid"));
                return;
            }
            try {
                WebsitePages.ComponentInfo after;
                if (placement != null) {
                    String path = pages.add(
                            placement.pagePath(),
                            placement.area(),
                            placement.templateId(),
                            values,
                            AdminContext.user());
                    after = pages.component(path).orElseThrow();
                    Notices.show(admin.text("news.admin.pages.added", admin.text(dialog.labelKey())));
                } else {
                    after = pages.save(component.path(), component.version(), values, AdminContext.user());
                    Notices.show(admin.text("news.admin.pages.saved"));
                }
                window.close();
                saved.accept(after);
            } catch (ConflictException conflict) {
                Notices.show(admin.text("news.admin.pages.conflict"));
            } catch (RepositoryException failure) {
                Notices.show(admin.text("news.admin.error.repository"));
            }
        });
        save.setId("component-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        window.getFooter().add(cancel, save);
        window.open();
    }

    private Component input(DialogDefinition.Field field, String property, String label) {
        Object stored = component.values().containsKey(property)
                ? component.values().get(property)
                : property.equals(field.name()) ? field.defaultValue() : null;
        Component input = switch (field.kind()) {
            case RICH_TEXT -> {
                RichTextEditor editor = new RichTextEditor(admin::text);
                editor.setLabel(label);
                editor.setValue(stored == null ? "" : String.valueOf(stored));
                editor.setRequiredIndicatorVisible(field.required() && property.equals(field.name()));
                yield editor;
            }
            case CHECKBOX -> {
                Checkbox box = new Checkbox(label);
                box.setValue(stored instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(stored)));
                yield box;
            }
            case CHOICE -> {
                Select<String> select = new Select<>();
                select.setLabel(label);
                select.setItems(field.options().stream()
                        .map(DialogDefinition.Option::value)
                        .toList());
                select.setItemLabelGenerator(value -> field.options().stream()
                        .filter(o -> o.value().equals(value))
                        .findFirst()
                        .map(o -> admin.text(o.labelKey()))
                        .orElse(value));
                if (stored != null
                        && field.options().stream().anyMatch(o -> o.value().equals(String.valueOf(stored)))) {
                    select.setValue(String.valueOf(stored));
                }
                yield select;
            }
            default -> {
                if (field.name().equals(CATEGORY) && field.kind() == DialogDefinition.Kind.TEXT) {
                    yield categoryChoice(label, stored == null ? "" : String.valueOf(stored));
                }
                TextField text = new TextField(label);
                text.setValue(stored == null ? "" : String.valueOf(stored));
                text.setRequiredIndicatorVisible(field.required() && property.equals(field.name()));
                yield text;
            }
        };
        if (field.descriptionKey() != null && input instanceof HasHelper helper) {
            helper.setHelperText(admin.text(field.descriptionKey()));
        }
        input.setId("field-" + property);
        inputs.put(property, input);
        return input;
    }

    private static final String CATEGORY = "category";
    /** The most a block's formatted text may hold (its HTML): pages of text belong in articles. */
    static final int RICH_TEXT_MAX = 50_000;

    /** The categories articles have, to choose from; one stored before that no article has any more stays shown. */
    private ComboBox<String> categoryChoice(String label, String stored) {
        ComboBox<String> choice = new ComboBox<>(label);
        List<String> categories = new ArrayList<>(categories());
        if (!stored.isBlank() && !categories.contains(stored)) {
            categories.add(0, stored);
        }
        choice.setItems(categories);
        choice.setClearButtonVisible(true);
        choice.setAllowCustomValue(false);
        if (!stored.isBlank()) {
            choice.setValue(stored);
        }
        return choice;
    }

    private List<String> categories() {
        try {
            return admin.categoryNames();
        } catch (RepositoryException e) {
            return List.of();
        }
    }

    /** The values to store, or null when a field breaks the dialog's rules (its error shown on it). */
    private Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        boolean valid = true;
        for (DialogDefinition.Field field : dialog.fields()) {
            for (String property :
                    field.i18n() ? new String[] {field.name(), field.name() + "_en"} : new String[] {field.name()}) {
                Component input = inputs.get(property);
                String error = null;
                Object value;
                if (input instanceof RichTextEditor editor) {
                    // Cleaned as an article's body is: only the editor's own formatting is kept.
                    String html = RichTextSanitizer.sanitize(editor.getValue());
                    boolean empty =
                            html == null || Jsoup.parseBodyFragment(html).text().isBlank();
                    value = empty ? null : html;
                    if (empty && field.required() && property.equals(field.name())) {
                        error = admin.text("news.validation.required");
                    } else if (!empty && html.length() > RICH_TEXT_MAX) {
                        error = admin.text("news.validation.tooLong", RICH_TEXT_MAX);
                    }
                } else if (input instanceof Checkbox box) {
                    value = box.getValue();
                } else if (input instanceof Select<?> select) {
                    value = select.getValue();
                    if (value == null && field.required()) {
                        error = admin.text("news.validation.required");
                    }
                } else if (input instanceof ComboBox<?> choice) {
                    value = choice.getValue();
                    if (value != null && !categories().contains(String.valueOf(value))) {
                        error = admin.text("news.admin.pages.unknownCategory", value);
                    }
                } else {
                    String text = ((TextField) input).getValue().strip();
                    value = text.isEmpty() ? null : text;
                    if (text.isEmpty() && field.required() && property.equals(field.name())) {
                        error = admin.text("news.validation.required");
                    } else if (field.maxLength() != null && text.length() > field.maxLength()) {
                        error = admin.text("news.validation.tooLong", field.maxLength());
                    } else if (field.kind() == DialogDefinition.Kind.NUMBER && !text.isEmpty()) {
                        try {
                            value = Long.parseLong(text);
                        } catch (NumberFormatException e) {
                            error = admin.text("news.validation.wholeNumber");
                        }
                    }
                    if (error == null && !text.isEmpty()) {
                        error = field.broken(text)
                                .map(rule -> admin.text(rule.messageKey()))
                                .orElse(null);
                    }
                }
                if (input instanceof HasValidation validated) {
                    validated.setInvalid(error != null);
                    validated.setErrorMessage(error);
                }
                valid &= error == null;
                values.put(property, value);
            }
        }
        return valid ? values : null;
    }
}
