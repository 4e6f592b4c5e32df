package eu.vigil.notifications.internal;

import eu.vigil.notifications.Notice;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Takes in the notices other modules publish, after their transaction commits. The event
 * publication registry keeps a notice until this listener has completed, so a crash between
 * commit and intake loses nothing: the notice is delivered again on restart, and its key keeps
 * it from being queued twice.
 */
@Component
class NoticeIntake {

    private final NotificationCenter center;

    NoticeIntake(NotificationCenter center) {
        this.center = center;
    }

    @ApplicationModuleListener
    void on(Notice notice) {
        center.accept(notice);
    }
}
