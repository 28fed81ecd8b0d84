"""How a report writes a change between two figures: '由 538 公頃增加為 835 公頃'.

Extraction dates the two ends (the start as of the span's first day, the end as of its last:
`quantity.claims`); `ask` answers with the end unless the question asks where it started. Both
read the link with these words, so the two never disagree about what a change is."""

FROM = r"(?:由|從)"
# Words that may stand between 由/從 and the figure: '由每日 7 萬噸', '從最長 2 個月縮短到 7~10 天',
# '由 104 年底之 227 萬輛減至 41.5 萬輛' (the year where it started).
FROM_LEAD = r"(?:\d{2,3}\s*年(?:底|初|度|期初|期末)?\s*之?\s*)?(?:每日|每天|每年|最長|最短|最高|最低|原本|原先|原來)?"
FROM_REACH = 16  # how far before a figure its 由/從 may stand
CHANGE_VERB = r"(?:增加|提升|提高|成長|擴大|降低|下降|減少|縮減|縮短|延長|調整|調高|調升|調降|調漲|降|升|增|減)"
TO = r"(?:至|到|為)"
