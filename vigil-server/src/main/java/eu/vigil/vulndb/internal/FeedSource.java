package eu.vigil.vulndb.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import eu.vigil.core.feeds.FeedReader;
import eu.vigil.core.feeds.OsvFeedReader;
import eu.vigil.core.feeds.csaf.CsafFeedReader;
import eu.vigil.core.feeds.nvd.NvdFeedReader;

/** The kinds of feed the knowledge base imports. */
public enum FeedSource {
    OSV, NVD, CSAF;

    /** A reader of these files in this feed's format. */
    public FeedReader reader(List<Path> paths) {
        return switch (this) {
            case OSV -> new OsvFeedReader(paths);
            case NVD -> new NvdFeedReader(paths);
            case CSAF -> new CsafFeedReader(paths);
        };
    }

    /** {@code osv}, {@code nvd} or {@code csaf}, in any case. */
    public static FeedSource parse(String text) {
        if (text != null) {
            for (FeedSource s : values()) {
                if (s.name().equalsIgnoreCase(text.strip())) {
                    return s;
                }
            }
        }
        throw new InvalidImport("source", "must be one of osv, nvd, csaf" + (text == null ? "" : " (not \"" + text + "\")"));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
