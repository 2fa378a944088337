package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.newsroom.news.article.AuditTrail;
import java.time.LocalDate;
import java.util.List;
import javax.jcr.RepositoryException;

/**
 * The audit trail, newest first: when, who, what, on which article or page, and a detail; filtered
 * by person, action and days. Read only: nothing here edits or deletes an entry.
 */
public class AuditView extends VerticalLayout {
    /** Entries one filter shows: narrowing finds older ones. */
    static final int SHOWN = 500;

    private final AdminContext admin = AdminContext.current();
    private final Grid<AuditTrail.Entry> grid = new Grid<>();
    private final ComboBox<String> user = new ComboBox<>();
    private final Select<AuditTrail.Action> action = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker until = new DatePicker();
    private final Span note = new Span();

    public AuditView() {
        setSizeFull();
        user.setId("audit-user");
        user.setLabel(admin.text("news.admin.audit.user"));
        user.setClearButtonVisible(true);
        try {
            user.setItems(admin.audit().users());
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
        action.setId("audit-action");
        action.setLabel(admin.text("news.admin.audit.action"));
        action.setItems(AuditTrail.Action.values());
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption(admin.text("news.admin.audit.anyAction"));
        action.setItemLabelGenerator(a -> a == null ? admin.text("news.admin.audit.anyAction") : label(a));
        from.setId("audit-from");
        from.setLabel(admin.text("news.admin.audit.from"));
        until.setId("audit-until");
        until.setLabel(admin.text("news.admin.audit.until"));
        user.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        until.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(user, action, from, until);
        filters.setWrap(true);
        // Two filters a line on a phone, four on a wide screen.
        for (com.vaadin.flow.component.HasSize f :
                new com.vaadin.flow.component.HasSize[] {user, action, from, until}) {
            f.setWidth("min(14rem, calc(50% - 0.5rem))");
        }
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("audit");
        // On a phone one column tells it all: when and who, then what, then on which item.
        grid.addColumn(com.vaadin.flow.data.renderer.LitRenderer.<AuditTrail.Entry>of(
                                "<div style=\"white-space: normal; line-height: 1.35\">"
                                        + "<div style=\"color: var(--lumo-secondary-text-color); font-size: var(--lumo-font-size-s)\">"
                                        + "${item.when} · ${item.who}</div><div><b>${item.action}</b></div>"
                                        + "<div>${item.target}</div></div>")
                        .withProperty("when", e -> ArticleRow.POSTED.format(e.at().atZone(admin.zone())))
                        .withProperty("who", AuditTrail.Entry::user)
                        .withProperty("action", e -> label(e.action()))
                        .withProperty("target", AuditTrail.Entry::target))
                .setHeader(admin.text("news.admin.audit.action"))
                .setKey("summary")
                .setVisible(false);
        grid.addColumn(e -> ArticleRow.POSTED.format(e.at().atZone(admin.zone())))
                .setHeader(admin.text("news.admin.audit.when"))
                .setKey("when")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditTrail.Entry::user)
                .setHeader(admin.text("news.admin.audit.user"))
                .setKey("user")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> label(e.action()))
                .setHeader(admin.text("news.admin.audit.action"))
                .setKey("action")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::target)
                .setHeader(admin.text("news.admin.audit.target"))
                .setKey("target")
                .setFlexGrow(1);
        grid.addColumn(AuditTrail.Entry::detail)
                .setHeader(admin.text("news.admin.audit.detail"))
                .setKey("detail")
                .setFlexGrow(1);
        note.setId("audit-note");
        add(new H2(admin.text("news.admin.nav.audit")), filters, note, grid);
        expand(grid);
        refresh();
    }

    private void fitTo(int width) {
        boolean narrow = width < PhoneWidth.NARROW;
        grid.getColumnByKey("summary").setVisible(narrow);
        for (String key : new String[] {"when", "user", "action", "target", "detail"}) {
            grid.getColumnByKey(key).setVisible(!narrow);
        }
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        PhoneWidth.follow(event, this::fitTo);
    }

    private String label(AuditTrail.Action a) {
        return admin.text(a.messageKey());
    }

    /** The article as a link to its editor while it exists; a page's path; otherwise nothing. */
    private com.vaadin.flow.component.Component target(AuditTrail.Entry entry) {
        if (!entry.targetId().isBlank()) {
            return new Anchor("article?id=" + entry.targetId(), entry.target());
        }
        return new Span(entry.target());
    }

    private void refresh() {
        LocalDate first = from.getValue();
        LocalDate last = until.getValue();
        AuditTrail.Filter filter = new AuditTrail.Filter(
                first == null ? null : first.atStartOfDay(admin.zone()).toInstant(),
                last == null
                        ? null
                        : last.plusDays(1).atStartOfDay(admin.zone()).toInstant(),
                user.getValue(),
                action.getValue());
        try {
            List<AuditTrail.Entry> entries = admin.audit().find(filter, SHOWN);
            grid.setItems(entries);
            note.setText(
                    entries.isEmpty()
                            ? admin.text("news.admin.audit.empty")
                            : entries.size() == SHOWN ? admin.text("news.admin.audit.newest", SHOWN) : "");
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
    }
}
