package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.server.VaadinSession;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The list's "Columns" button: editors show or hide the optional columns (title, state and the actions
 * always show). The choice lasts for the signed-in session; on a phone the optional columns are hidden
 * whatever was chosen, so title and state keep the width.
 */
final class ColumnChooser {
    static final String HIDDEN = "newsAdmin.hiddenColumns";
    /** Hidden until chosen: who changed and published an article last is for a closer look. */
    static final Set<String> HIDDEN_BY_DEFAULT = Set.of("english", "changed", "published");

    private final Grid<?> grid;
    private final List<String> keys;
    private final Set<String> hidden;
    private boolean narrow;

    ColumnChooser(Grid<?> grid, List<String> keys) {
        this.grid = grid;
        this.keys = keys;
        this.hidden = hiddenColumns();
    }

    /** The button and its menu of checkable column names (each item has the class {@code column-<key>}). */
    Button button(String label) {
        Button button = new Button(label);
        button.setId("columns");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        ContextMenu menu = new ContextMenu(button);
        menu.setOpenOnClick(true);
        for (String key : keys) {
            Grid.Column<?> column = grid.getColumnByKey(key);
            MenuItem item = menu.addItem(column.getHeaderText(), e -> {
                if (e.getSource().isChecked()) {
                    hidden.remove(key);
                } else {
                    hidden.add(key);
                }
                apply();
            });
            item.setCheckable(true);
            item.setChecked(!hidden.contains(key));
            item.addClassName("column-" + key);
            // Picking a column keeps the menu open, so several can be chosen in a row.
            item.setKeepOpen(true);
        }
        apply();
        return button;
    }

    void setNarrow(boolean narrow) {
        this.narrow = narrow;
        apply();
    }

    private void apply() {
        for (String key : keys) {
            grid.getColumnByKey(key).setVisible(!narrow && !hidden.contains(key));
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> hiddenColumns() {
        VaadinSession session = VaadinSession.getCurrent();
        Object stored = session.getAttribute(HIDDEN);
        if (stored instanceof Set<?> set) {
            return (Set<String>) set;
        }
        Set<String> fresh = new HashSet<>(HIDDEN_BY_DEFAULT);
        session.setAttribute(HIDDEN, fresh);
        return fresh;
    }
}
