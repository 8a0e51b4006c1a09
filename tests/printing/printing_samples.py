"""Sample values shared by the printing tests."""

#: Participant text that must come out literally: markup, quotes, template syntax, accents.
HOSTILE = '<script>alert("x")</script> l\'« été » & {{ 7*7 }} {% if x %}'
#: How HOSTILE must appear in HTML (escaped by Jinja2's autoescape).
HOSTILE_ESCAPED = (
    "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; l&#39;« été » &amp; {{ 7*7 }} {% if x %}"
)
