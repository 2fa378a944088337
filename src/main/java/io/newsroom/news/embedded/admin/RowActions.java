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
 * The actions of one grid row. On a wide screen the everyday ones are small buttons and the rest sit
 * in one "⋯" menu, so the title keeps the room; on a phone every action is in the menu. The buttons
 * and menu items carry the same class names, so nothing differs but the shape.
 */
final class RowActions {
    private record Action(String text, String className, Runnable run, boolean danger, boolean inline) {}

    private final List<Action> actions = new ArrayList<>();

    /** An everyday action: a button on a wide screen. */
    RowActions button(String text, String className, Runnable run) {
        actions.add(new Action(text, className, run, false, true));
        return this;
    }

    /** A destructive everyday action: a red button on a wide screen, a red menu item on a phone. */
    RowActions dangerButton(String text, String className, Runnable run) {
        actions.add(new Action(text, className, run, true, true));
        return this;
    }

    /** An action of the "⋯" menu. */
    RowActions more(String text, String className, Runnable run) {
        actions.add(new Action(text, className, run, false, false));
        return this;
    }

    /** A destructive action of the "⋯" menu, shown in red. */
    RowActions moreDanger(String text, String className, Runnable run) {
        actions.add(new Action(text, className, run, true, false));
        return this;
    }

    /** Buttons and a "⋯" menu, or ({@code narrow}) one menu holding every action. */
    Component of(boolean narrow, String menuLabel) {
        HorizontalLayout row = new HorizontalLayout();
        row.setSpacing(false);
        row.setAlignItems(HorizontalLayout.Alignment.CENTER);
        List<Action> inMenu = new ArrayList<>();
        for (Action action : actions) {
            if (narrow || !action.inline()) {
                inMenu.add(action);
                continue;
            }
            Button button = new Button(action.text(), e -> action.run().run());
            button.addClassName(action.className());
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            if (action.danger()) {
                button.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            row.add(button);
        }
        if (!inMenu.isEmpty()) {
            row.add(menu(inMenu, menuLabel));
        }
        return row;
    }

    private static Component menu(List<Action> actions, String label) {
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
