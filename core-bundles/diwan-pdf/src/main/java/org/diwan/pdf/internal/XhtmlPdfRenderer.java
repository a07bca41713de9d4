package org.diwan.pdf.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.diwan.api.pdf.PdfException;
import org.diwan.api.pdf.PdfRenderer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.bidi.support.ICUBreakers;
import com.openhtmltopdf.bidi.support.ICUTransformers;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * {@link PdfRenderer} on openhtmltopdf (layout, PDFBox output) with ICU4J for bidi reordering, Arabic shaping
 * (letters to their joined presentation forms, vowel marks kept combining: {@link ArabicReorderer}; digits left
 * as written) and line breaking.
 *
 * <p>Stateless apart from the font bytes: renders run in parallel, each with its own builder.
 */
@Component(service = PdfRenderer.class)
public final class XhtmlPdfRenderer implements PdfRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(XhtmlPdfRenderer.class);

    /** Base of relative links; nothing is ever fetched from it. */
    private static final String BASE_URI = "about:blank";

    private final BundledFonts fonts;

    @Activate
    public XhtmlPdfRenderer() {
        this(BundledFonts.load());
    }

    XhtmlPdfRenderer(BundledFonts fonts) {
        this.fonts = fonts;
        // Settings of the libraries embedded in this bundle (private copies: no other bundle shares them)
        XRLog.setLoggerImpl(new Slf4jXRLogger());
        FontMappers.set(new OfflineFontMapper(fonts.latinRegular()));
    }

    @Override
    public void render(String xhtml, OutputStream pdf) throws PdfException {
        Objects.requireNonNull(pdf, "pdf");
        Xhtml.Prepared document = Xhtml.prepare(xhtml);
        Locale locale = document.locale();

        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withW3cDocument(document.document(), BASE_URI);
        builder.defaultTextDirection(document.rightToLeft() ? TextDirection.RTL : TextDirection.LTR);
        builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
        builder.useUnicodeBidiReorderer(new ArabicReorderer());
        builder.useUnicodeLineBreaker(new ICUBreakers.ICULineBreaker(locale));
        builder.useUnicodeCharacterBreaker(new ICUBreakers.ICUCharacterBreaker(locale));
        builder.useUnicodeToLowerTransformer(new ICUTransformers.ICUToLowerTransformer(locale));
        builder.useUnicodeToUpperTransformer(new ICUTransformers.ICUToUpperTransformer(locale));
        builder.useUnicodeToTitleTransformer(new ICUTransformers.ICUToTitleTransformer(locale));
        fonts.registerOn(builder);
        // No files, no network, no other bundle's resources: only what the document carries (data: URIs)
        // (openhtmltopdf logs each refusal as a warning)
        for (ExternalResourceControlPriority when : ExternalResourceControlPriority.values()) {
            builder.useExternalResourceAccessControl((uri, type) -> isDataUri(uri), when);
        }
        builder.withProducer("Diwan");
        builder.toStream(pdf);
        long start = System.nanoTime();
        try {
            builder.run();
            LOG.debug("Rendered a {} document ({}) in {} ms", document.rightToLeft() ? "right-to-left" : "left-to-right",
                    locale.toLanguageTag(), (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new PdfException("Could not write the PDF: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new PdfException("Could not lay out the document: " + e, e);
        }
    }

    private static boolean isDataUri(String uri) {
        return uri != null && uri.regionMatches(true, 0, "data:", 0, 5);
    }
}
