package io.newsroom.news.embedded.admin;

import io.newsroom.news.definitions.Messages;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The title of a duplicated article, "Bản sao của …" or "Copy of …" in the language of the title
 * itself, not of the admin app: an editor working in English who copies a Vietnamese article gets
 * a Vietnamese title. Articles carry no language of their own, so it is read from the letters:
 * Vietnamese writing marks nearly every word, English none.
 */
final class CopyTitle {
    private CopyTitle() {}

    static String of(Messages messages, String title) {
        return messages.get(languageOf(title), "news.admin.copyOf", title);
    }

    /** Vietnamese when the title has a letter with a mark (or đ), English when it has none. */
    static Locale languageOf(String title) {
        String decomposed = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD);
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK || c == 'đ' || c == 'Đ') {
                return Messages.VIETNAMESE;
            }
        }
        return Messages.ENGLISH;
    }
}
