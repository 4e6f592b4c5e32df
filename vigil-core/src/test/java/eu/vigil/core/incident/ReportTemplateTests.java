package eu.vigil.core.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ReportTemplateTests {

    @Test
    void earlyWarningNeedsSummaryAndBothAnswers() {
        assertThat(ReportTemplate.missing(ReportStage.EARLY_WARNING, Map.of()))
                .extracting(ReportField::key).containsExactly("summary", "suspectedMalicious", "crossBorderImpact");
        assertThat(ReportTemplate.missing(ReportStage.EARLY_WARNING,
                Map.of("summary", "Ransomware", "suspectedMalicious", "yes", "crossBorderImpact", "unknown"))).isEmpty();
    }

    @Test
    void choicesOutsideYesNoUnknownAreRefused() {
        assertThat(ReportTemplate.missing(ReportStage.EARLY_WARNING,
                Map.of("summary", "x", "suspectedMalicious", "maybe", "crossBorderImpact", "no")))
                .extracting(ReportField::key).containsExactly("suspectedMalicious");
    }

    @Test
    void finalReportAsksForTheFourPointsOfArticle23Paragraph4D() {
        assertThat(ReportTemplate.fields(ReportStage.FINAL_REPORT)).extracting(ReportField::reference)
                .contains("NIS2 Art. 23(4)(d)(i)", "NIS2 Art. 23(4)(d)(ii)", "NIS2 Art. 23(4)(d)(iii)", "NIS2 Art. 23(4)(d)(iv)");
        assertThat(ReportTemplate.missing(ReportStage.FINAL_REPORT, Map.of("detailedDescription", "  ")))
                .extracting(ReportField::key).containsExactly("detailedDescription", "severityAndImpact", "rootCause", "mitigation");
    }

    @Test
    void everyStageHasATemplate() {
        for (ReportStage stage : ReportStage.values()) {
            assertThat(ReportTemplate.fields(stage)).isNotEmpty();
        }
    }
}
