package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The actions of one grid row: small buttons on a wide screen, one menu on a phone (the same
 * actions, the same class names on the buttons and menu items, so nothing differs but the shape).
 */
final class RowActions {
    private record Action(String text, String className, Runnable run, boolean danger) {}

    private final List<Action> actions = new ArrayList<>();

    RowActions add(String text, String className, Runnable run) {
        actions.add(new Action(text, className, run, false));
        return this;
    }

    RowActions addDanger(String text, String className, Runnable run) {
        actions.add(new Action(text, className, run, true));
        return this;
    }

    Component buttons() {
        HorizontalLayout row = new HorizontalLayout();
        for (Action action : actions) {
            Button button = new Button(action.text(), e -> action.run().run());
            button.addClassName(action.className());
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            if (action.danger()) {
                button.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            row.add(button);
        }
        return row;
    }

    /** One "⋯" menu holding every action, for narrow screens. */
    Component menu(String label) {
        MenuBar bar = new MenuBar();
        bar.addClassName("row-menu");
        bar.addThemeVariants(MenuBarVariant.LUMO_SMALL, MenuBarVariant.LUMO_TERTIARY_INLINE);
        MenuItem more = bar.addItem("⋯");
        more.getElement().setAttribute("aria-label", label);
        more.getElement().setAttribute("title", label);
        for (Action action : actions) {
            MenuItem item =
                    more.getSubMenu().addItem(action.text(), e -> action.run().run());
            item.addClassName(action.className());
            if (action.danger()) {
                item.getElement().getStyle().set("color", "var(--lumo-error-text-color)");
            }
        }
        return bar;
    }
}
