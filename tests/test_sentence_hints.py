"""A paragraph break ends a sentence, whatever the parser makes of the words around it."""


def _sentences(pipeline, text):
    doc = pipeline.nlp.make_doc(text)
    doc._.warlog_published = None
    return [s.text.strip() for s in pipeline.nlp(doc).sents if s.text.strip()]


def test_a_blank_line_after_an_abbreviation_ends_the_sentence(pipeline):
    text = (
        "That is the question, said Paul Okafor, an adviser to Governor Samuel Lund Jr.\n\n"
        "Mrs. Lund says the port will stay open through the winter."
    )
    assert _sentences(pipeline, text)[-1] == "Mrs. Lund says the port will stay open through the winter."


def test_a_title_line_is_a_sentence_of_its_own(pipeline):
    text = "Mayor Lund Wins Second Term In Tarvo\n\nMayor Anna Lund won a second term on Sunday."
    assert _sentences(pipeline, text) == [
        "Mayor Lund Wins Second Term In Tarvo",
        "Mayor Anna Lund won a second term on Sunday.",
    ]


def test_a_line_break_inside_a_sentence_is_left_to_the_parser(pipeline):
    text = "The mayor of Tarvo said on Sunday that the new bridge\nwould open in the spring."
    assert len(_sentences(pipeline, text)) == 1


def test_the_speaker_of_a_paragraph_after_a_title_is_found(pipeline):
    from warlog.claims.attribution import find_attributions

    text = (
        "That is the question, said Paul Okafor, an adviser to Governor Samuel Lund Jr.\n\n"
        "Mrs. Lund says the port will stay open through the winter."
    )
    doc = pipeline.nlp.make_doc(text)
    doc._.warlog_published = None
    found = {text[a.source[0] : a.source[1]]: text[a.content[0] : a.content[1]]
             for a in find_attributions(pipeline.nlp(doc)) if a.source}  # fmt: skip
    assert found.get("Mrs. Lund") == "the port will stay open through the winter"
