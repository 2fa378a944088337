package io.newsroom.news.embedded.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsroom.news.definitions.LightModule;
import io.newsroom.news.definitions.Messages;
import org.junit.jupiter.api.Test;

/** A duplicate's title speaks the language of the article, whatever the admin app's language. */
class CopyTitleTest {
    private static final Messages MESSAGES = Messages.load(LightModule.locate());

    @Test
    void aVietnameseTitleGetsAVietnamesePrefixAndAnEnglishOneAnEnglishPrefix() {
        assertEquals("Bản sao của Thông báo lịch tiêm chủng", CopyTitle.of(MESSAGES, "Thông báo lịch tiêm chủng"));
        assertEquals("Bản sao của Đoàn thanh niên", CopyTitle.of(MESSAGES, "Đoàn thanh niên"));
        assertEquals("Copy of Community meeting", CopyTitle.of(MESSAGES, "Community meeting"));
    }

    @Test
    void aTitleWithoutMarksIsTakenForEnglishAndAnEmptyOneToo() {
        assertEquals(Messages.ENGLISH, CopyTitle.languageOf("Lich tiep dan"));
        assertEquals(Messages.ENGLISH, CopyTitle.languageOf(null));
        assertEquals(Messages.VIETNAMESE, CopyTitle.languageOf("Lịch tiếp dân"));
    }
}
