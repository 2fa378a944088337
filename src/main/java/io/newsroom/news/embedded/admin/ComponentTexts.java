package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.Arrays;
import java.util.List;

/** The words inside Vaadin's own components (calendar, upload), from the light module's bundles. */
final class ComponentTexts {

    private ComponentTexts() {}

    static DatePicker.DatePickerI18n datePicker(AdminContext admin) {
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setMonthNames(list(admin.text("news.admin.date.months")));
        i18n.setWeekdays(list(admin.text("news.admin.date.weekdays")));
        i18n.setWeekdaysShort(list(admin.text("news.admin.date.weekdaysShort")));
        i18n.setFirstDayOfWeek(1);
        i18n.setToday(admin.text("news.admin.date.today"));
        i18n.setCancel(admin.text("news.admin.cancel"));
        i18n.setDateFormat("dd/MM/yyyy");
        return i18n;
    }

    /** The upload's words; {@code maxMb} is the largest file it takes, named in its "too large" message. */
    static UploadI18N upload(AdminContext admin, long maxMb) {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(admin.text("news.admin.image.choose")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(admin.text("news.admin.image.drop", maxMb)));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(admin.text("news.admin.image.one"))
                .setFileIsTooBig(admin.text("news.admin.image.tooLarge", maxMb))
                .setIncorrectFileType(admin.text("news.admin.image.type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(admin.text("news.admin.image.uploading"))
                        .setStalled(admin.text("news.admin.image.uploading"))
                        .setProcessing(admin.text("news.admin.image.processing"))
                        .setHeld(admin.text("news.admin.image.uploading")))
                .setRemainingTime(
                        new UploadI18N.Uploading.RemainingTime().setPrefix("").setUnknown(""))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(admin.text("news.admin.error.repository"))
                        .setUnexpectedServerError(admin.text("news.admin.error.repository"))
                        .setForbidden(admin.text("news.admin.error.repository"))));
        i18n.setUnits(new UploadI18N.Units(List.of("B", "kB", "MB", "GB", "TB")));
        return i18n;
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).toList();
    }
}
