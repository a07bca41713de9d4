package org.diwan.pdf.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.diwan.api.pdf.PdfException;
import org.diwan.api.pdf.PdfRenderer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the XHTML a plugin hands over (well-formed XML, nothing fetched from outside) and prepares it for
 * layout: decides its direction from {@code dir}/{@code lang} and puts the service's fonts first in the
 * cascade, where any style of the document overrides them.
 */
final class Xhtml {

    /** Primary language subtags written right to left. */
    private static final Set<String> RTL_LANGUAGES = Set.of("ar", "fa", "ur", "he", "iw", "ps", "ckb", "sd", "ug", "yi", "dv");

    private Xhtml() {
    }

    /** A parsed document with its base direction and language. */
    record Prepared(Document document, boolean rightToLeft, Locale locale) {
    }

    static Prepared prepare(String xhtml) throws PdfException {
        Document document = parse(xhtml);
        Element html = document.getDocumentElement();
        if (!"html".equals(localName(html))) {
            throw new PdfException("Not an XHTML document: the root element is <" + html.getTagName() + ">, not <html>");
        }
        Element body = child(html, "body");
        String lang = firstNonBlank(attribute(html, "lang"), attribute(html, "xml:lang"),
                body == null ? null : attribute(body, "lang"));
        boolean rightToLeft = rightToLeft(html, body, lang);
        if (attribute(html, "dir") == null && (body == null || attribute(body, "dir") == null)) {
            html.setAttribute("dir", rightToLeft ? "rtl" : "ltr");
        }
        addDefaultStyle(document, html, rightToLeft);
        Locale locale = lang == null ? Locale.ROOT : Locale.forLanguageTag(lang);
        return new Prepared(document, rightToLeft, locale);
    }

    static Document parse(String xhtml) throws PdfException {
        if (xhtml == null || xhtml.isBlank()) {
            throw new PdfException("Empty document: expected XHTML");
        }
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new FailOnError());
            // Never fetch a DTD or entity from outside, even if a parser ignored the features set in factory()
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            return builder.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXParseException e) {
            throw new PdfException("Malformed XHTML at line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                    + ": " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new PdfException("Malformed XHTML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new PdfException("XML parser unavailable: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        // The JDK's own parser, whatever else the framework offers through ServiceLoader
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static boolean rightToLeft(Element html, Element body, String lang) {
        String dir = attribute(html, "dir");
        if (dir == null && body != null) {
            dir = attribute(body, "dir");
        }
        if (dir != null && !"auto".equalsIgnoreCase(dir)) {
            return "rtl".equalsIgnoreCase(dir);
        }
        if (lang == null) {
            return false;
        }
        String primary = lang.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return RTL_LANGUAGES.contains(primary);
    }

    /**
     * The service's fonts for the whole document, as the first style sheet: the document's own rules (any
     * selector on {@code html}, {@code body} or below) come later in the cascade and win.
     */
    private static void addDefaultStyle(Document document, Element html, boolean rightToLeft) {
        String families = rightToLeft
                ? quoted(PdfRenderer.ARABIC_FONT) + ", " + quoted(PdfRenderer.LATIN_FONT)
                : quoted(PdfRenderer.LATIN_FONT) + ", " + quoted(PdfRenderer.ARABIC_FONT);
        String namespace = html.getNamespaceURI();
        Element head = child(html, "head");
        if (head == null) {
            head = document.createElementNS(namespace, "head");
            html.insertBefore(head, html.getFirstChild());
        }
        Element style = document.createElementNS(namespace, "style");
        style.setAttribute("type", "text/css");
        style.setTextContent("html { font-family: " + families + "; }");
        head.insertBefore(style, head.getFirstChild());
    }

    private static String quoted(String family) {
        return "'" + family + "'";
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(localName(e))) {
                return e;
            }
        }
        return null;
    }

    private static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }

    private static String attribute(Element element, String name) {
        String value = name.startsWith("xml:")
                ? element.getAttributeNS(XMLConstants.XML_NS_URI, name.substring(4))
                : element.getAttribute(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** Turns the parser's errors into exceptions instead of messages on standard error. */
    private static final class FailOnError implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            // not worth stopping a document for
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
