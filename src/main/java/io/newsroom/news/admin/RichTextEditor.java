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

    RichTextEditor() {
        editor.addClassName("news-rich-text");
        editor.setHeight("16rem");
        add(editor);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        String base = "editor/";
        event.getUI().getPage().addStyleSheet(base + "quill.snow.css");
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
