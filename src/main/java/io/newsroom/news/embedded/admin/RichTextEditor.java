package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A rich text field on Quill (from its WebJar, loaded at run time: no frontend build). Editors get
 * headings, bold, italic, underline, lists, quotes and links; the field's value is the HTML, which
 * the article's sanitizer cleans when it is saved.
 */
final class RichTextEditor extends CustomField<String> {
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("normal", "news.admin.editor.normal"),
            Map.entry("heading2", "news.admin.editor.heading2"),
            Map.entry("heading3", "news.admin.editor.heading3"),
            Map.entry("header", "news.admin.editor.header"),
            Map.entry("bold", "news.admin.editor.bold"),
            Map.entry("italic", "news.admin.editor.italic"),
            Map.entry("underline", "news.admin.editor.underline"),
            Map.entry("ordered", "news.admin.editor.ordered"),
            Map.entry("bullet", "news.admin.editor.bullet"),
            Map.entry("blockquote", "news.admin.editor.blockquote"),
            Map.entry("link", "news.admin.editor.link"),
            Map.entry("clean", "news.admin.editor.clean"),
            Map.entry("link.enter", "news.admin.editor.link.enter"),
            Map.entry("link.visit", "news.admin.editor.link.visit"),
            Map.entry("link.save", "news.admin.editor.link.save"),
            Map.entry("link.edit", "news.admin.editor.link.edit"),
            Map.entry("link.remove", "news.admin.editor.link.remove"));
    private final Div editor = new Div();
    private String html = "";

    /** Every text the editor shows (menus, button names, the link box), in the editor's language. */
    private final Map<String, String> texts = new LinkedHashMap<>();

    /** @param text the editor's texts by i18n key, in the editor's language */
    RichTextEditor(Function<String, String> text) {
        for (String key : List.of(
                "normal",
                "heading2",
                "heading3",
                "header",
                "bold",
                "italic",
                "underline",
                "ordered",
                "bullet",
                "blockquote",
                "link",
                "clean",
                "link.enter",
                "link.visit",
                "link.save",
                "link.edit",
                "link.remove")) {
            texts.put(key, text.apply(KEYS.get(key)));
        }
        editor.addClassName("news-rich-text");
        editor.setHeight("16rem");
        add(editor);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        String base = "editor/";
        event.getUI().getPage().addStyleSheet(base + "quill.snow.css");
        // Quill writes its menu labels and its link box's words from CSS; say them in the editor's language.
        // The text itself as the site shows it (its font, 16 px, paragraph spacing), not Quill's 13 px.
        event.getUI().getPage().executeJs("""
                if (!document.getElementById('news-quill-labels')) {
                  const t = $0, q = s => JSON.stringify(s);
                  const style = document.createElement('style');
                  style.id = 'news-quill-labels';
                  style.textContent =
                    `.ql-snow .ql-picker.ql-header .ql-picker-label::before, .ql-snow .ql-picker.ql-header .ql-picker-item::before { content: ${q(t.normal)}; }
                     .ql-snow .ql-picker.ql-header .ql-picker-label[data-value="2"]::before, .ql-snow .ql-picker.ql-header .ql-picker-item[data-value="2"]::before { content: ${q(t.heading2)}; }
                     .ql-snow .ql-picker.ql-header .ql-picker-label[data-value="3"]::before, .ql-snow .ql-picker.ql-header .ql-picker-item[data-value="3"]::before { content: ${q(t.heading3)}; }
                     .ql-snow .ql-tooltip::before { content: ${q(t['link.visit'])}; }
                     .ql-snow .ql-tooltip[data-mode=link]::before { content: ${q(t['link.enter'])}; }
                     .ql-snow .ql-tooltip a.ql-action::after { content: ${q(t['link.edit'])}; }
                     .ql-snow .ql-tooltip.ql-editing a.ql-action::after { content: ${q(t['link.save'])}; }
                     .ql-snow .ql-tooltip a.ql-remove::before { content: ${q(t['link.remove'])}; }
                     .news-rich-text .ql-editor { font: 16px/1.6 "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
                     .news-rich-text .ql-editor p, .news-rich-text .ql-editor ul, .news-rich-text .ql-editor ol,
                     .news-rich-text .ql-editor blockquote { margin: 0 0 .75em; }
                     .news-rich-text .ql-editor h2, .news-rich-text .ql-editor h3 { line-height: 1.3; margin: 1em 0 .5em; }`;
                  document.head.appendChild(style);
                }
                """, texts());
        // Load Quill once per page, then turn the div into an editor that reports every change.
        editor.getElement().executeJs("""
                const host = this, field = $0, start = $1, src = $2, texts = $3;
                const init = () => {
                  const quill = new Quill(host, {theme: 'snow', modules: {toolbar: [
                    [{header: [2, 3, false]}], ['bold', 'italic', 'underline'],
                    [{list: 'ordered'}, {list: 'bullet'}], ['blockquote', 'link'], ['clean']]}});
                  quill.root.innerHTML = start;
                  host.quill = quill;
                  // Names for the toolbar's icon buttons (shown on hover, read by screen readers).
                  const bar = quill.getModule('toolbar').container;
                  const name = (selector, text) => bar.querySelectorAll(selector).forEach(b => {
                    b.setAttribute('title', text); b.setAttribute('aria-label', text); });
                  name('button.ql-bold', texts.bold); name('button.ql-italic', texts.italic);
                  name('button.ql-underline', texts.underline); name('button.ql-list[value=ordered]', texts.ordered);
                  name('button.ql-list[value=bullet]', texts.bullet); name('button.ql-blockquote', texts.blockquote);
                  name('button.ql-link', texts.link); name('button.ql-clean', texts.clean);
                  name('.ql-header .ql-picker-label', texts.header);
                  quill.theme.tooltip.textbox.setAttribute('data-link', 'https://');
                  quill.on('text-change', () => field.$server.changed(quill.getLength() > 1 ? quill.root.innerHTML : ''));
                };
                if (window.Quill) { init(); return; }
                let script = document.querySelector('script[data-news-quill]');
                if (!script) {
                  script = document.createElement('script');
                  script.src = src;
                  script.dataset.newsQuill = '1';
                  document.head.appendChild(script);
                }
                script.addEventListener('load', init);
                """, getElement(), html, base + "quill.min.js", texts());
    }

    private elemental.json.JsonObject texts() {
        elemental.json.JsonObject json = elemental.json.Json.createObject();
        texts.forEach(json::put);
        return json;
    }

    @ClientCallable
    private void changed(String newHtml) {
        html = newHtml == null ? "" : newHtml;
        updateValue();
    }

    @Override
    protected String generateModelValue() {
        return html;
    }

    @Override
    protected void setPresentationValue(String value) {
        html = value == null ? "" : value;
        editor.getElement().executeJs("if (this.quill) { this.quill.root.innerHTML = $0; }", html);
    }
}
