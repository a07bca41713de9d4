package org.diwan.library.internal.oai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The structure the official OAI-PMH 2.0 schema ({@code OAI-PMH.xsd}) requires of a response, checked element by
 * element: the schema files are not in the repository and the build is offline, so its rules are written out here
 * (order and number of children, attributes and their values, the date, set and cursor patterns), plus the protocol's
 * rule the schema cannot state: a deleted record's entry carries no metadata. {@link OaiXml#parse} applies it to every
 * answer the tests read.
 */
final class OaiSchema {

    private static final String OAI = OaiProvider.OAI;
    private static final Pattern UTC = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}Z)?");
    private static final Pattern SET_SPEC = Pattern.compile("[A-Za-z0-9\\-_.!~*'()]+(:[A-Za-z0-9\\-_.!~*'()]+)*");
    private static final Set<String> VERBS = Set.of("Identify", "ListMetadataFormats", "ListSets", "GetRecord", "ListIdentifiers", "ListRecords");
    private static final Set<String> REQUEST_ATTRIBUTES = Set.of("verb", "identifier", "metadataPrefix", "from", "until", "set", "resumptionToken");
    private static final Set<String> ERRORS = Set.of("cannotDisseminateFormat", "idDoesNotExist", "badArgument", "badVerb", "noMetadataFormats",
            "noRecordsMatch", "badResumptionToken", "noSetHierarchy");
    private static final Map<String, String> ONE_OF = Map.of("deletedRecord", "no|persistent|transient", "granularity",
            "YYYY-MM-DD|YYYY-MM-DDThh:mm:ssZ", "protocolVersion", "2\\.0");

    private OaiSchema() {
    }

    static void check(Document doc) {
        Element root = doc.getDocumentElement();
        attributes(root, Set.of("schemaLocation"));
        List<Element> children = children(root);
        assertThat(children.size()).as("OAI-PMH children").isGreaterThanOrEqualTo(3);
        assertThat(children.get(0).getLocalName()).isEqualTo("responseDate");
        assertThat(children.get(0).getTextContent()).matches(UTC);
        Element request = children.get(1);
        assertThat(request.getLocalName()).isEqualTo("request");
        attributes(request, REQUEST_ATTRIBUTES);
        if (request.hasAttribute("verb")) {
            assertThat(request.getAttribute("verb")).isIn(VERBS);
        }
        assertThat(children(request)).as("request content").isEmpty();
        List<Element> body = children.subList(2, children.size());
        if (body.get(0).getLocalName().equals("error")) {
            for (Element error : body) {
                assertThat(error.getLocalName()).isEqualTo("error");
                attributes(error, Set.of("code"));
                assertThat(error.getAttribute("code")).isIn(ERRORS);
                assertThat(children(error)).isEmpty();
            }
            return;
        }
        assertThat(body).as("one verb element").hasSize(1);
        Element verb = body.get(0);
        assertThat(verb.getLocalName()).isIn(VERBS);
        attributes(verb, Set.of());
        switch (verb.getLocalName()) {
            case "Identify" -> identify(verb);
            case "ListMetadataFormats" -> sequence(verb, "metadataFormat+");
            case "ListSets" -> sequence(verb, "set+", "resumptionToken?");
            case "GetRecord" -> sequence(verb, "record");
            case "ListIdentifiers" -> sequence(verb, "header+", "resumptionToken?");
            default -> sequence(verb, "record+", "resumptionToken?");
        }
        for (Element child : verb.getLocalName().equals("Identify") ? List.<Element>of() : children(verb)) {
            switch (child.getLocalName()) {
                case "record" -> record(child);
                case "header" -> header(child);
                case "resumptionToken" -> token(child);
                case "metadataFormat" -> sequence(child, "metadataPrefix", "schema", "metadataNamespace");
                case "set" -> sequence(child, "setSpec", "setName", "setDescription*");
                default -> throw new AssertionError("unexpected " + child.getLocalName());
            }
        }
    }

    private static void identify(Element identify) {
        sequence(identify, "repositoryName", "baseURL", "protocolVersion", "adminEmail+", "earliestDatestamp", "deletedRecord", "granularity",
                "compression*", "description*");
        for (Element child : children(identify)) {
            if (ONE_OF.containsKey(child.getLocalName())) {
                assertThat(child.getTextContent()).as(child.getLocalName()).matches(ONE_OF.get(child.getLocalName()));
            }
            if (child.getLocalName().equals("earliestDatestamp")) {
                assertThat(child.getTextContent()).matches(UTC);
            }
        }
    }

    private static void record(Element record) {
        sequence(record, "header", "metadata?", "about*");
        List<Element> parts = children(record);
        header(parts.get(0));
        boolean deleted = parts.get(0).getAttribute("status").equals("deleted");
        for (Element part : parts.subList(1, parts.size())) {
            assertThat(deleted && part.getLocalName().equals("metadata")).as("metadata of a deleted record").isFalse();
            if (part.getLocalName().equals("metadata")) {
                assertThat(part.getChildNodes().getLength()).as("metadata holds one element").isGreaterThan(0);
                List<Element> inside = new ArrayList<>();
                for (Node n = part.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e) {
                        inside.add(e);
                    }
                }
                assertThat(inside).hasSize(1);
                assertThat(inside.get(0).getNamespaceURI()).isNotEqualTo(OAI);
            }
        }
    }

    private static void header(Element header) {
        attributes(header, Set.of("status"));
        if (header.hasAttribute("status")) {
            assertThat(header.getAttribute("status")).isEqualTo("deleted");
        }
        sequence(header, "identifier", "datestamp", "setSpec*");
        for (Element child : children(header)) {
            assertThat(children(child)).isEmpty();
            switch (child.getLocalName()) {
                case "identifier" -> assertThat(child.getTextContent()).matches("[a-z][a-z0-9+.-]*:\\S+");
                case "datestamp" -> assertThat(child.getTextContent()).matches(UTC);
                default -> assertThat(child.getTextContent()).matches(SET_SPEC);
            }
        }
    }

    private static void token(Element token) {
        attributes(token, Set.of("expirationDate", "completeListSize", "cursor"));
        assertThat(children(token)).isEmpty();
        if (token.hasAttribute("cursor")) {
            assertThat(token.getAttribute("cursor")).as("cursor, a nonNegativeInteger").matches("\\+?[0-9]+");
        }
        if (token.hasAttribute("completeListSize")) {
            assertThat(token.getAttribute("completeListSize")).matches("\\+?0*[1-9][0-9]*");
        }
    }

    /** Children named in order; {@code ?} at most one, {@code *} any number, {@code +} one or more, else exactly one. */
    private static void sequence(Element parent, String... expected) {
        List<Element> children = children(parent);
        int i = 0;
        for (String part : expected) {
            char last = part.charAt(part.length() - 1);
            String name = "?*+".indexOf(last) >= 0 ? part.substring(0, part.length() - 1) : part;
            int count = 0;
            while (i < children.size() && children.get(i).getLocalName().equals(name)) {
                i++;
                count++;
            }
            int min = last == '?' || last == '*' ? 0 : 1;
            int max = last == '*' || last == '+' ? Integer.MAX_VALUE : 1;
            assertThat(count).as(parent.getLocalName() + "/" + name).isBetween(min, max);
        }
        assertThat(i).as("unexpected children of " + parent.getLocalName() + ": " + names(children)).isEqualTo(children.size());
    }

    private static void attributes(Element element, Set<String> allowed) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if ("http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                continue;
            }
            assertThat(a.getLocalName()).as("attribute of " + element.getLocalName()).isIn(allowed);
        }
    }

    /** The element children, all of which must be in the OAI namespace; text between them only blank. */
    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        boolean elements = false;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements = true;
                if (!parent.getLocalName().equals("metadata") && !parent.getLocalName().equals("about")
                        && !parent.getLocalName().equals("description")) {
                    assertThat(e.getNamespaceURI()).as("namespace of " + e.getLocalName()).isEqualTo(OAI);
                    children.add(e);
                }
            }
        }
        if (elements) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.TEXT_NODE) {
                    assertThat(n.getTextContent()).as("text among the children of " + parent.getLocalName()).isBlank();
                }
            }
        }
        return children;
    }

    private static List<String> names(List<Element> elements) {
        return elements.stream().map(Element::getLocalName).toList();
    }
}
