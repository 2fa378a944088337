package io.newsroom.news.embedded.admin;

import static org.junit.jupiter.api.Assertions.*;

import com.vaadin.flow.router.QueryParameters;
import io.newsroom.news.article.Publication;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListStateTest {

    @Test
    void theStateRoundTripsThroughTheAddress() {
        ListState state = new ListState("hiến máu", "Thông báo", Publication.Filter.DRAFTS, true, "title", true, 120);
        assertEquals(state, ListState.from(state.toParameters()));
        assertEquals("", ListState.DEFAULT.toParameters().getQueryString(), "the default list has a plain address");
    }

    @Test
    void malformedValuesFallBackToTheDefaults() {
        ListState state = ListState.from(new QueryParameters(Map.of(
                "state",
                List.of("EVERYTHING"),
                "sort",
                List.of("jcr:uuid.desc"),
                "at",
                List.of("-5"),
                "featured",
                List.of("yes"))));
        assertEquals(ListState.DEFAULT, state);
        assertEquals(
                0,
                ListState.from(new QueryParameters(Map.of("at", List.of("9999999999999"))))
                        .firstRow());
        assertEquals(
                "views",
                ListState.from(new QueryParameters(Map.of("sort", List.of("views.desc"))))
                        .sortProperty());
    }
}
