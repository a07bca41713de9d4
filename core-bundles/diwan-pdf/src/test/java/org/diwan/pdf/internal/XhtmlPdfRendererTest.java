package org.diwan.pdf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.assertj.core.data.Offset;
import org.diwan.api.pdf.PdfException;
import org.diwan.api.pdf.PdfRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.ibm.icu.text.ArabicShaping;

class XhtmlPdfRendererTest {

    /** Where the samples for a person to look at go: target/pdf-samples. */
    private static final Path SAMPLES = Path.of("target", "pdf-samples");

    /** Where text starts on the side it starts from: the samples' 2 cm page margin plus the body's 8px (6pt). */
    private static final float EDGE = 56.7f + 6f;

    private static final Offset<Float> POINTS = Offset.offset(2f);

    private final PdfRenderer renderer = new XhtmlPdfRenderer();

    @Test
    void arabicBulletinComesBackInLogicalOrder() throws Exception {
        try (PdfInspection pdf = PdfInspection.of(render(sample("bulletin-ar.xhtml")))) {
            assertThat(pdf.lines()).containsExactly(
                    "النشرة الشهرية",
                    "قسم البعثات",
                    "استقبل السفير السيد John Smith يوم ١٢ نوفمبر 2026 في مقر الوزارة.",
                    "بلغ عدد الزوار ١٥٠ زائرا خلال الشهر.",
                    "شكراً جزيلاً، وكُلُّ عامٍ وأنتم بخير.",
                    "البند العدد",
                    "الرسائل الواردة ٣٤٥",
                    "التأشيرات الصادرة 120");
        }
    }

    @Test
    void arabicLettersAreJoinedAndDrawnRightToLeft() throws Exception {
        try (PdfInspection pdf = PdfInspection.of(render(sample("bulletin-ar.xhtml")))) {
            String drawn = pdf.drawn();
            // Each word is drawn as its contextual (joined) forms, last letter leftmost
            for (String word : List.of("النشرة", "الشهرية", "البعثات", "نوفمبر", "الوزارة", "خلال", "التأشيرات")) {
                assertThat(drawn).contains(visual(joined(word)));
            }
            // No Arabic letter is left in its unjoined base form (tatweel has no other form)
            assertThat(drawn.codePoints().filter(c -> c >= 0x0621 && c <= 0x064A && c != 0x0640))
                    .as("Arabic letters drawn without shaping").isEmpty();
            // Digits are kept as written: Arabic-Indic stay Arabic-Indic, European stay European, left to right
            assertThat(drawn).contains("١٢", "٣٤٥", "١٥٠", "2026", "120").doesNotContain("٢١", "12 ", "345");
            assertThat(drawn).contains("John").contains("Smith");
        }
    }

    @Test
    void vowelMarksStayOnTheirLettersWithoutBreakingTheWord() throws Exception {
        try (PdfInspection pdf = PdfInspection.of(render(sample("bulletin-ar.xhtml")))) {
            String drawn = pdf.drawn();
            // شكراً drawn left to right: tanween fath (combining, no advance) just before the alef it sits
            // on, then reh final, kaf medial, sheen initial: no spacing mark form, no gap, no kashida
            assertThat(drawn).contains("\u064B\uFE8D\uFEAE\uFEDC\uFEB7");
            // كُلُّ (written kaf, damma, lam, damma, shadda): shadda, damma, lam final, damma, kaf initial
            assertThat(drawn).contains("\u0651\u064F\uFEDE\u064F\uFEDB");
            assertThat(drawn.codePoints().filter(c -> c >= 0xFE70 && c <= 0xFE7F))
                    .as("vowel marks drawn as spacing presentation forms").isEmpty();
        }
    }

    @Test
    void rightToLeftDocumentStartsAtTheRightMargin() throws Exception {
        try (PdfInspection pdf = PdfInspection.of(render(sample("bulletin-ar.xhtml")))) {
            PdfInspection.GlyphLine heading = pdf.glyphLines().get(0);
            assertThat(heading.right()).isCloseTo(pdf.pageWidth() - EDGE, POINTS);
            assertThat(heading.left()).isGreaterThan(pdf.pageWidth() / 2);
        }
    }

    @Test
    void directionComesFromLangWhenTheDocumentHasNoDir() throws Exception {
        String arabicByLang = page("lang=\"ar\"", "<h1>تقرير</h1>");
        String arabicMadeLtr = page("lang=\"ar\" dir=\"ltr\"", "<h1>تقرير</h1>");
        String englishInRtlBody = "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><style>@page { size: A4; margin: 2cm; }</style>"
                + "</head><body dir=\"rtl\"><h1>Report</h1></body></html>";
        assertThat(headingLeft(arabicByLang)).isGreaterThan(300f);
        assertThat(headingLeft(arabicMadeLtr)).isCloseTo(EDGE, POINTS);
        assertThat(headingLeft(englishInRtlBody)).isGreaterThan(300f);
        assertThat(headingLeft(page("lang=\"en\"", "<h1>Report</h1>"))).isCloseTo(EDGE, POINTS);
    }

    @Test
    void embedsTheArabicAndTheLatinFontAndNothingElse() throws Exception {
        try (PdfInspection pdf = PdfInspection.of(render(sample("bulletin-ar.xhtml")))) {
            assertThat(pdf.fontNames()).contains("NotoNaskhArabic-Regular", "NotoNaskhArabic-Bold", "NotoSans-Regular")
                    .allMatch(name -> name.startsWith("NotoNaskhArabic-") || name.startsWith("NotoSans-"));
            assertThat(pdf.fontsNotEmbedded()).isEmpty();
        }
    }

    @Test
    void writesPageOneAsPngForAPersonToLookAt() throws Exception {
        Files.createDirectories(SAMPLES);
        for (String name : List.of("bulletin-ar", "report-en", "rapport-fr")) {
            byte[] bytes = render(sample(name + ".xhtml"));
            Files.write(SAMPLES.resolve(name + ".pdf"), bytes);
            try (PdfInspection pdf = PdfInspection.of(bytes)) {
                BufferedImage image = pdf.pageOne(110);
                assertThat(ImageIO.write(image, "png", SAMPLES.resolve(name + ".png").toFile())).isTrue();
                assertThat(darkPixels(image)).as("ink on page one of " + name).isGreaterThan(2_000);
            }
        }
        assertThat(SAMPLES.resolve("bulletin-ar.png")).isNotEmptyFile();
    }

    @Test
    void englishReportRendersLeftToRightWithTheLatinFont() throws Exception {
        try (PdfInspection pdf = PdfInspection.of(render(sample("report-en.xhtml")))) {
            assertThat(pdf.lines()).containsExactly(
                    "Annual report 2026",
                    "The Consular Affairs Department issued 1,245 visas in 2026.",
                    "Item Count",
                    "Letters received 345");
            assertThat(pdf.fontNames()).containsExactly("NotoSans-Bold", "NotoSans-Italic", "NotoSans-Regular");
            assertThat(pdf.fontsNotEmbedded()).isEmpty();
            assertThat(pdf.glyphLines().get(0).left()).isCloseTo(EDGE, POINTS);
        }
    }

    @Test
    void frenchReportKeepsAccentsAndAnArabicNameInside() throws Exception {
        try (PdfInspection pdf = PdfInspection.of(render(sample("rapport-fr.xhtml")))) {
            assertThat(String.join(" ", pdf.lines())).isEqualTo("Rapport annuel 2026 "
                    + "Été 2026 : la Direction des affaires consulaires a reçu M. عبد الله المنصوري le 12 novembre.");
            assertThat(pdf.drawn()).contains(visual(joined("المنصوري")));
            assertThat(pdf.fontNames()).contains("NotoSans-Regular", "NotoNaskhArabic-Regular");
            assertThat(pdf.fontsNotEmbedded()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unclosed element    | <html><body><p>ouvert</body></html>                                   | Malformed XHTML at line 1",
            "not XML at all      | just some text                                                        | Malformed XHTML at line 1",
            "HTML named entity   | <html><body><p>a&nbsp;b</p></body></html>                             | nbsp",
            "not an html root    | <report><p>x</p></report>                                             | root element is <report>",
            "empty               | '   '                                                                  | Empty document"
    })
    void badDocumentsGiveAPdfExceptionThatSaysWhy(String what, String xhtml, String message) {
        assertThatThrownBy(() -> renderer.render(xhtml, new ByteArrayOutputStream()))
                .isInstanceOf(PdfException.class)
                .hasMessageContaining(message);
    }

    @Test
    void loadsImagesOnlyFromDataUris() throws Exception {
        byte[] png = tinyPng();
        Path onDisk = Files.createDirectories(Path.of("target", "pdf-test")).resolve("logo.png");
        Files.write(onDisk, png);
        String fromFile = page("lang=\"en\"", "<p>logo <img src=\"" + onDisk.toUri() + "\" width=\"20\" height=\"20\"/></p>");
        String fromData = page("lang=\"en\"", "<p>logo <img src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\" width=\"20\" height=\"20\"/></p>");

        try (PdfInspection pdf = PdfInspection.of(render(fromFile))) {
            assertThat(pdf.imageCount()).isZero();
        }
        try (PdfInspection pdf = PdfInspection.of(render(fromData))) {
            assertThat(pdf.imageCount()).isOne();
        }
    }

    @Test
    void doesNotReadExternalEntities() throws Exception {
        Path secret = Files.createDirectories(Path.of("target", "pdf-test")).resolve("secret.txt");
        Files.writeString(secret, "TOPSECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">"
                + "<!ENTITY org \"Diwan\">]>"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>x&s;y &org;</p></body></html>";
        try (PdfInspection pdf = PdfInspection.of(render(xxe))) {
            assertThat(pdf.lines()).containsExactly("xy Diwan");
        }
    }

    @Test
    void refusesAnEntityExpansionBomb() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE html [<!ENTITY e0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            doctype.append("<!ENTITY e").append(i).append(" \"").append(("&e" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = doctype + "]><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>&e10;</p></body></html>";
        assertThatThrownBy(() -> renderer.render(bomb, new ByteArrayOutputStream()))
                .isInstanceOf(PdfException.class)
                .hasMessageContaining("entity expansions");
    }

    @Test
    void acceptsHtmlWithoutTheXhtmlNamespace() throws Exception {
        String plain = "<html lang=\"ar\"><head><style>@page { size: A4; margin: 2cm; }</style></head>"
                + "<body><h1>تقرير</h1><p>نص</p></body></html>";
        try (PdfInspection pdf = PdfInspection.of(render(plain))) {
            assertThat(pdf.lines()).containsExactly("تقرير", "نص");
            assertThat(pdf.glyphLines().get(0).right()).isCloseTo(pdf.pageWidth() - EDGE, POINTS);
        }
    }

    @Test
    void rendersDocumentsInParallel() throws Exception {
        String bulletin = sample("bulletin-ar.xhtml");
        String report = sample("report-en.xhtml");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String xhtml = i % 2 == 0 ? bulletin : report;
                results.add(pool.submit(() -> {
                    try (PdfInspection pdf = PdfInspection.of(render(xhtml))) {
                        return pdf.lines();
                    }
                }));
            }
            List<String> bulletinLines = results.get(0).get(60, TimeUnit.SECONDS);
            List<String> reportLines = results.get(1).get(60, TimeUnit.SECONDS);
            assertThat(bulletinLines).startsWith("النشرة الشهرية");
            assertThat(reportLines).startsWith("Annual report 2026");
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(i % 2 == 0 ? bulletinLines : reportLines);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLongDocumentFlowsOntoMorePages() throws Exception {
        String paragraph = "<p>استقبل السفير السيد John Smith يوم ١٢ نوفمبر 2026 في مقر الوزارة.</p>";
        try (PdfInspection pdf = PdfInspection.of(render(page("lang=\"ar\"", paragraph.repeat(150))))) {
            assertThat(pdf.pageCount()).isGreaterThan(2);
        }
    }

    // --- helpers

    private byte[] render(String xhtml) throws PdfException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(xhtml, out);
        assertThat(out.toByteArray()).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private float headingLeft(String xhtml) throws Exception {
        try (PdfInspection pdf = PdfInspection.of(render(xhtml))) {
            return pdf.glyphLines().get(0).left();
        }
    }

    private static String page(String htmlAttributes, String body) {
        return "<html xmlns=\"http://www.w3.org/1999/xhtml\" " + htmlAttributes + "><head>"
                + "<style>@page { size: A4; margin: 2cm; }</style></head><body>" + body + "</body></html>";
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = XhtmlPdfRendererTest.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The word as joined letters (presentation forms), in logical order: what ICU's shaper gives. */
    private static String joined(String word) throws Exception {
        return new ArabicShaping(ArabicShaping.LETTERS_SHAPE).shape(word);
    }

    /** Right-to-left text as it is laid on the page, read left to right. */
    private static String visual(String logical) {
        return new StringBuilder(logical).reverse().toString();
    }

    private static byte[] tinyPng() throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static int darkPixels(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int luminance = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                if (luminance < 128) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
