package com.linetrace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.uitest.BlankRoute;
import com.linetrace.uitest.OtherRoute;
import com.linetrace.web.export.ExportDesk;
import com.linetrace.web.export.OfflineSettings;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.nio.file.Path;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

@ViewPackages(classes = {BlankRoute.class, OtherRoute.class})
class OfflineBannerTests extends BrowserlessTest {

    private static ExportDesk desk(boolean offline, @Nullable Path folder) {
        return new ExportDesk(new OfflineSettings(offline, folder), Clock.systemUTC());
    }

    @Test
    void saysOnEveryPageThatTheOfflineModeIsOnAndWhereExportsGo() {
        OfflineBanner.show(UI.getCurrent(), desk(true, Path.of("/srv/linetrace/exports")));

        for (var page : new String[] {"", "other"}) {
            UI.getCurrent().navigate(page);
            var banners = $(Div.class).withId("offline-mode").all();
            assertThat(banners).as(page).hasSize(1);
            assertThat(banners.getFirst().getText())
                    .startsWith("Offline mode: nothing leaves this plant")
                    .contains("/srv/linetrace/exports");
        }
    }

    @Test
    void saysNothingCanBeExportedWhenNoFolderIsConfigured() {
        OfflineBanner.show(UI.getCurrent(), desk(true, null));

        assertThat($(Div.class).id("offline-mode").getText()).contains("nothing can be exported");
    }

    @Test
    void showsNothingWhenTheModeIsOff() {
        OfflineBanner.show(UI.getCurrent(), desk(false, Path.of("/srv/linetrace/exports")));

        assertThat($(Div.class).withId("offline-mode").all()).isEmpty();
    }
}
