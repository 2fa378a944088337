package io.newsroom.news.admin;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;

/**
 * A rich text field on Quill (from its WebJar, loaded at run time: no frontend build). Editors get
 * headings, bold, italic, underline, lists, quotes and links; the field's value is the HTML, which
 * the article's sanitizer cleans when it is saved.
 */
final class RichTextEditor extends CustomField<String> {
    private final Div editor = new Div();
    private String html = "";

    private final String[] headerLabels;

    /** @param headerLabels the paragraph-style menu's labels: normal, heading 2, heading 3 */
    RichTextEditor(String... headerLabels) {
        this.headerLabels = headerLabels;
        editor.addClassName("news-rich-text");
        editor.setHeight("16rem");
        add(editor);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        String base = "editor/";
        event.getUI().getPage().addStyleSheet(base + "quill.snow.css");
        // Quill writes its menu labels from CSS; say them in the editor's language instead.
        event.getUI().getPage().executeJs("""
                if (!document.getElementById('news-quill-labels')) {
                  const style = document.createElement('style');
                  style.id = 'news-quill-labels';
                  const q = s => JSON.stringify(s);
                  style.textContent =
                    `.ql-snow .ql-picker.ql-header .ql-picker-label::before, .ql-snow .ql-picker.ql-header .ql-picker-item::before { content: ${q($0)}; }
                     .ql-snow .ql-picker.ql-header .ql-picker-label[data-value="2"]::before, .ql-snow .ql-picker.ql-header .ql-picker-item[data-value="2"]::before { content: ${q($1)}; }
                     .ql-snow .ql-picker.ql-header .ql-picker-label[data-value="3"]::before, .ql-snow .ql-picker.ql-header .ql-picker-item[data-value="3"]::before { content: ${q($2)}; }`;
                  document.head.appendChild(style);
                }
                """, headerLabels[0], headerLabels[1], headerLabels[2]);
        // Load Quill once per page, then turn the div into an editor that reports every change.
        editor.getElement().executeJs("""
                const host = this, field = $0, start = $1, src = $2;
                const init = () => {
                  const quill = new Quill(host, {theme: 'snow', modules: {toolbar: [
                    [{header: [2, 3, false]}], ['bold', 'italic', 'underline'],
                    [{list: 'ordered'}, {list: 'bullet'}], ['blockquote', 'link'], ['clean']]}});
                  quill.root.innerHTML = start;
                  host.quill = quill;
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
                """, getElement(), html, base + "quill.min.js");
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
