package data

// UI is a language's catalog of interface strings (data/<lang>/ui.json).
// Components take every word they show from here, never from code, so a
// new language is a new folder and nothing else.
type UI struct {
	Lang            string `json:"lang" waymark:"own" doc:"BCP 47 tag of the language, e.g. \"en\"; must match the folder name."`
	Dir             string `json:"dir" waymark:"enum=ltr|rtl,own" doc:"Writing direction."`
	LanguageName    string `json:"languageName" doc:"Name of the language in itself, e.g. \"English\"."`
	LanguagesLabel  string `json:"languagesLabel" doc:"Accessible name of the links to the widget in the other languages."`
	LanguageMissing string `json:"languageMissing" waymark:"placeholders=lang" doc:"Said above a widget shown in English because the address or the embed code asked for a language it has no version in, e.g. \"This widget has no “{lang}” version; here it is in English.\"."`
	StagesLabel     string `json:"stagesLabel" doc:"Accessible name of the list of stages."`
	StageOf         string `json:"stageOf" waymark:"placeholders=n|total" doc:"Position of a stage, e.g. \"Stage {n} of {total}\"."`
	Previous        string `json:"previous" doc:"Button to the previous stage."`
	Next            string `json:"next" doc:"Button to the next stage."`
	FilterLegend    string `json:"filterLegend" doc:"Label of the choice of a right to highlight."`
	AllRights       string `json:"allRights" doc:"Choice that highlights nothing."`
	Matches         string `json:"matches" waymark:"placeholders=n|total" doc:"How many technologies of a stage threaten the chosen right."`
	NoMatches       string `json:"noMatches" doc:"Said when no technology of the stage threatens the chosen right."`
	Threatens       string `json:"threatens" doc:"Heading of the list of rights a technology threatens."`
	Cases           string `json:"cases" doc:"Heading of the list of real cases."`
	Sources         string `json:"sources" doc:"Heading of the list of sources."`
	Footnote        string `json:"footnote" waymark:"placeholders=n" doc:"Reference to a footnote, e.g. \"footnote {n}\"."`
	OpensElsewhere  string `json:"opensElsewhere" doc:"Said of links that leave the widget."`
	CreditSource    string `json:"creditSource" doc:"Words before the credited documents, e.g. \"Source:\"."`
	CreditLicence   string `json:"creditLicence" doc:"Words before the licence, e.g. \"Licence:\"."`
	CreditMade      string `json:"creditMade" doc:"Says the widget is a summary of the documents, not the documents themselves."`
	Translation     string `json:"translation,omitempty" waymark:"optional,own" doc:"In a translation, the credit line's plain statement that the translation is this project's own and not the publisher's; English, the report's language, has none."`
	ReadMore        string `json:"readMore" doc:"Button under the first lines of a widget's introduction on a phone, that shows the rest."`
	ReadLess        string `json:"readLess" doc:"The same button once the whole introduction shows."`
	SkipToContent   string `json:"skipToContent" doc:"The link that comes first on every widget, shown when a keyboard reaches it, that moves past the title, introduction and the widget's own navigation to what the reader came to read."`
	Offline         string `json:"offline" doc:"Shown at the end of a widget opened on its own once every widget in its language will open on this device without a network."`
	PresentTitle    string `json:"presentTitle" waymark:"placeholders=title" doc:"Presentation: the page title of a widget as slides, e.g. \"{title}: slides\"."`
	PresentLink     string `json:"presentLink" doc:"Journey and figures: the link to their slides, for a room."`
	PresentHow      string `json:"presentHow" doc:"Presentation: said above the slides where scripts do not run, which show them one after another."`
	SlideOf         string `json:"slideOf" waymark:"placeholders=n|total" doc:"Presentation: position of a slide, e.g. \"Slide {n} of {total}\"."`
	SlideRole       string `json:"slideRole" doc:"Presentation: what a screen reader calls a slide, e.g. \"slide\"."`
	SlideFrom       string `json:"slideFrom" waymark:"placeholders=section" doc:"Presentation: where in the report a slide comes from, e.g. \"From the report, {section}\"."`
	PrevSlide       string `json:"prevSlide" doc:"Presentation: the button to the slide before."`
	NextSlide       string `json:"nextSlide" doc:"Presentation: the button to the slide after."`
	SlidesNav       string `json:"slidesNav" doc:"Presentation: name of the row of controls under the slides."`
	FullScreen      string `json:"fullScreen" doc:"Presentation: the button that fills the screen with the slides (the F key does the same)."`
	PresenterView   string `json:"presenterView" doc:"Presentation: the link to the presenter view, and that view's heading."`
	ComingNext      string `json:"comingNext" doc:"Presentation, presenter view: heading of the next slide."`
	Notes           string `json:"notes" doc:"Presentation, presenter view: heading of the notes, the report's text behind the slide."`
	Elapsed         string `json:"elapsed" doc:"Presentation, presenter view: before the time since the view opened."`
	PresentEnd      string `json:"presentEnd" doc:"Presentation, presenter view: in place of the next slide after the last one."`

	WhatWeAsk       string `json:"whatWeAsk" doc:"Journey: heading of the recommendations that answer a technology."`
	TechnologyOne   string `json:"technologyOne" waymark:"placeholders=n" doc:"Journey: how many technologies a stage holds, when it is one, e.g. \"{n} technology\"."`
	TechnologyMany  string `json:"technologyMany" waymark:"placeholders=n" doc:"Journey: how many technologies a stage holds, e.g. \"{n} technologies\"."`
	RightOne        string `json:"rightOne" waymark:"placeholders=n" doc:"Journey: how many rights a stage's technologies threaten, when it is one, e.g. \"{n} right at risk\"."`
	RightMany       string `json:"rightMany" waymark:"placeholders=n" doc:"Journey: how many rights a stage's technologies threaten, e.g. \"{n} rights at risk\"."`
	MoreOne         string `json:"moreOne" waymark:"placeholders=n" doc:"Journey: the disclosure of a technology's details, cases and sources, when it has one case, e.g. \"Details, {n} case, sources\"."`
	MoreMany        string `json:"moreMany" waymark:"placeholders=n" doc:"Journey: the disclosure of a technology's details, cases and sources, e.g. \"Details, {n} cases, sources\"."`
	ListsLabel      string `json:"listsLabel" doc:"Checklist: accessible name of the choice of list."`
	AnswerDone      string `json:"answerDone" doc:"Checklist answer: done."`
	AnswerNotYet    string `json:"answerNotYet" doc:"Checklist answer: not yet."`
	AnswerNA        string `json:"answerNA" doc:"Checklist answer: not applicable."`
	Progress        string `json:"progress" waymark:"placeholders=done|total" doc:"Checklist progress, e.g. \"{done} of {total} done\"."`
	StillOpen       string `json:"stillOpen" doc:"Checklist summary: words before the items not done yet."`
	NothingOpen     string `json:"nothingOpen" doc:"Checklist summary: said when every item is done or not applicable."`
	Summary         string `json:"summary" doc:"Checklist: heading of the summary."`
	CopySummary     string `json:"copySummary" doc:"Checklist: button that copies the summary as text."`
	Copied          string `json:"copied" doc:"Checklist: said when a copy worked."`
	CopyFailed      string `json:"copyFailed" doc:"Checklist: said when the browser refused to copy, above the text shown selected for copying by hand."`
	Print           string `json:"print" doc:"Checklist: button that prints the checklist."`
	ShareLink       string `json:"shareLink" doc:"Checklist: label of the link that carries the answers."`
	ShareHint       string `json:"shareHint" doc:"Checklist: says the answers travel in the link and are sent nowhere."`
	CopyLink        string `json:"copyLink" doc:"Checklist: button that copies the link."`
	Forget          string `json:"forget" doc:"Checklist: button that clears the answers and forgets them on this device."`
	Forgotten       string `json:"forgotten" doc:"Checklist and quiz: said after the answers are forgotten."`
	Saved           string `json:"saved" doc:"Checklist and quiz: says answers are kept on this device only."`
	StorageBlocked  string `json:"storageBlocked" doc:"Checklist: says this browser will not let the answers be remembered."`
	ShareInvalid    string `json:"shareInvalid" waymark:"placeholders=reason" doc:"Checklist: said when a shared link's answers cannot be read."`
	ShareUnreadOne  string `json:"shareUnreadOne" waymark:"placeholders=n" doc:"Checklist: said when a shared link holds an answer for a recommendation the checklist no longer has."`
	ShareUnreadMany string `json:"shareUnreadMany" waymark:"placeholders=n" doc:"Checklist: said when a shared link holds {n} answers for recommendations the checklist no longer has."`
	WhereHarm       string `json:"whereHarm" doc:"Checklist: heading of the journey stages and technologies an item answers."`

	ChecklistGroup         string `json:"checklistGroup" doc:"Checklist: label of the optional field for the name of the group that answers, in a workshop, e.g. \"Group name (optional)\"."`
	ChecklistGroupHint     string `json:"checklistGroupHint" doc:"Checklist: under the group's name: what it is for and where it goes."`
	ChecklistGroupLine     string `json:"checklistGroupLine" waymark:"placeholders=group" doc:"Checklist summary: its first line when the group has a name, e.g. \"Group: {group}\"."`
	ChecklistFromLink      string `json:"checklistFromLink" doc:"Checklist: says the answers shown came from a link, not from this device."`
	ChecklistFromLinkGroup string `json:"checklistFromLinkGroup" waymark:"placeholders=group" doc:"Checklist: the same, when the link names its group, e.g. \"These answers came from a link (group “{group}”).\"."`
	ChecklistFromLinkNext  string `json:"checklistFromLinkNext" doc:"Checklist: after the two above: the answers from a link are not kept on this device until the reader changes an answer or the name, and then they replace what the device kept."`
	ChecklistFromLinkSaved string `json:"checklistFromLinkSaved" doc:"Checklist: in place of the one above once the reader changed something and the answers from the link are kept on this device."`
	ChecklistCompareLink   string `json:"checklistCompareLink" doc:"Checklist: the link, under the share link, to the page where a facilitator compares the groups' links."`
	CompareTitle           string `json:"compareTitle" waymark:"placeholders=title" doc:"Compare page: its title and heading, e.g. \"{title}: the groups side by side\"."`
	CompareIntro           string `json:"compareIntro" doc:"Compare page: what it does, and that the links stay in the browser."`
	CompareNoScript        string `json:"compareNoScript" doc:"Compare page: said where scripts do not run: the page needs them, and what to do instead (each group's copied summary)."`
	CompareLinks           string `json:"compareLinks" doc:"Compare page: label of the box the links are pasted in."`
	CompareLinksHint       string `json:"compareLinksHint" doc:"Compare page: under the box: how to separate the links."`
	CompareButton          string `json:"compareButton" doc:"Compare page: the button that compares the pasted links."`
	CompareItem            string `json:"compareItem" doc:"Compare page: heading of the column of recommendations."`
	CompareGroupN          string `json:"compareGroupN" waymark:"placeholders=n" doc:"Compare page: heading of the column of a group that gave no name, e.g. \"Group {n}\"."`
	CompareNoAnswer        string `json:"compareNoAnswer" doc:"Compare page: a cell where the group gave no answer."`
	CompareCount           string `json:"compareCount" doc:"Compare page: heading of the row that counts each group's done items."`
	CompareBroken          string `json:"compareBroken" waymark:"placeholders=n|reason" doc:"Compare page: a pasted link that cannot be read, e.g. \"Link {n} could not be read ({reason}).\"."`
	CompareNotLink         string `json:"compareNotLink" waymark:"placeholders=n" doc:"Compare page: something pasted that is not a link to the checklist."`
	CompareOtherLang       string `json:"compareOtherLang" waymark:"placeholders=n|lang" doc:"Compare page: a pasted link to the checklist in another language, named by {lang}."`
	CompareGroupsOne       string `json:"compareGroupsOne" waymark:"placeholders=n" doc:"Compare page: said when one group is compared."`
	CompareGroupsMany      string `json:"compareGroupsMany" waymark:"placeholders=n" doc:"Compare page: said when {n} groups are compared (0 included)."`

	SourceN      string `json:"sourceN" waymark:"placeholders=n" doc:"Accessible name of a citation marker, e.g. \"Source {n}\"."`
	SourcesN     string `json:"sourcesN" waymark:"placeholders=n" doc:"Accessible name of the marker of a text that cites several sources, e.g. \"Sources {n}\" ({n} lists them)."`
	AllSources   string `json:"allSources" waymark:"placeholders=n" doc:"Link to the page that lists every source of a widget, e.g. \"All {n} sources\"."`
	SourcesTitle string `json:"sourcesTitle" waymark:"placeholders=title" doc:"Heading of a widget's sources page, e.g. \"Sources: {title}\"."`
	SourcesIntro string `json:"sourcesIntro" doc:"Introduction of a widget's sources page: what it lists and how it is numbered."`
	BackTo       string `json:"backTo" waymark:"placeholders=title" doc:"Link from a widget's sources page to the widget, e.g. \"Back to {title}\"."`
	BackToText   string `json:"backToText" doc:"Accessible name of a link from a source back to where it is cited."`
	FilterTerms  string `json:"filterTerms" doc:"Glossary: label of the box that filters terms as you type."`
	TermsShown   string `json:"termsShown" waymark:"placeholders=n|total" doc:"Glossary: how many terms the filter shows, e.g. \"{n} of {total} terms\"."`
	NoTerms      string `json:"noTerms" doc:"Glossary: said when no term matches the filter."`
	LettersLabel string `json:"lettersLabel" doc:"Glossary: accessible name of the letter index."`
	Related      string `json:"related" doc:"Glossary: words before the related terms."`

	FigureLabel   string `json:"figureLabel" doc:"Figures: heading of the column of figure names in a chart's table."`
	Millions      string `json:"millions" waymark:"placeholders=n" doc:"Figures: a whole number of millions, e.g. \"{n} million\"."`
	Technology    string `json:"technology" doc:"Figures: heading of the column of technologies in the rights map's table."`
	Threatened    string `json:"threatened" doc:"Figures: rights map cell where the technology threatens the right."`
	NotThreatened string `json:"notThreatened" doc:"Figures: rights map cell where the journey names no threat to the right."`
	FullTable     string `json:"fullTable" doc:"Figures: label of the disclosure that holds the rights map's full table."`

	QuizShowAnswer     string `json:"quizShowAnswer" doc:"Quiz: the disclosure that shows a question's answer where scripts do not run, e.g. \"Show the answer\"."`
	QuizAnswer         string `json:"quizAnswer" waymark:"placeholders=answer" doc:"Quiz: the right option, before its explanation, e.g. \"Answer: {answer}.\"."`
	QuizCheck          string `json:"quizCheck" doc:"Quiz: the button that checks the option chosen."`
	QuizChooseFirst    string `json:"quizChooseFirst" doc:"Quiz: said when the reader checks without choosing an option."`
	QuizRight          string `json:"quizRight" waymark:"placeholders=answer" doc:"Quiz: said when the option chosen is right, e.g. \"Right: {answer}.\"."`
	QuizWrong          string `json:"quizWrong" waymark:"placeholders=choice|answer" doc:"Quiz: said when the option chosen is wrong, e.g. \"Not right: you chose {choice}. The answer is {answer}.\"."`
	QuizScore          string `json:"quizScore" waymark:"placeholders=right|total" doc:"Quiz: the score, e.g. \"{right} of {total} right\"."`
	QuizReset          string `json:"quizReset" doc:"Quiz: the button that clears every answer for the next group, on the screen and on this device."`
	QuizStorageBlocked string `json:"quizStorageBlocked" doc:"Quiz: says this browser will not let the answers be remembered."`
	QuizAnswers        string `json:"quizAnswers" doc:"Quiz: heading of the answers a printed handout lists after the questions."`

	GuideAims       string `json:"guideAims" doc:"Guide: heading of the session's aims."`
	GuideTiming     string `json:"guideTiming" doc:"Guide: heading of the timing table."`
	GuideTime       string `json:"guideTime" doc:"Guide: heading of the timing table's column of the time each part starts, counted from the session's start, e.g. \"Start\"."`
	GuideMinutes    string `json:"guideMinutes" doc:"Guide: heading of the timing table's column of minutes."`
	GuidePart       string `json:"guidePart" doc:"Guide: heading of the timing table's column of parts."`
	GuideTotal      string `json:"guideTotal" doc:"Guide: the timing table's last row, before the total of minutes."`
	GuideActivities string `json:"guideActivities" doc:"Guide: heading of the activities, one per stage of the journey."`
	GuideDo         string `json:"guideDo" doc:"Guide: heading of what participants do in an activity."`
	GuideUse        string `json:"guideUse" doc:"Guide: words before the widgets an activity uses, e.g. \"With:\"."`
	GuideJourneyAt  string `json:"guideJourneyAt" waymark:"placeholders=stage" doc:"Guide: the link to the journey open at a stage, e.g. \"The journey: {stage}\"."`
	GuideSlides     string `json:"guideSlides" waymark:"placeholders=n" doc:"Guide: the link to the slides at a stage's opener, e.g. \"The slides, from slide {n}\"."`
	GuideSlidesAll  string `json:"guideSlidesAll" doc:"Guide: the link to the slides from their start."`
	GuideQuestions  string `json:"guideQuestions" doc:"Guide: heading of the discussion questions on a technology."`
	GuideAdapting   string `json:"guideAdapting" doc:"Guide: heading of the notes on adapting the session."`

	NewTab string `json:"newTab" doc:"Said after a link to another widget, which opens in a new tab so the widget a reader is in stays."`

	PrivateNotice string `json:"privateNotice" waymark:"placeholders=site" doc:"Load-on-click code: what loading the widget does, e.g. \"This widget is served by {site}. Loading it connects your browser to that site.\"."`
	PrivateLoad   string `json:"privateLoad" doc:"Load-on-click code: the button that loads the widget."`

	BuilderTitle     string `json:"builderTitle" doc:"Embed builder: heading of the page."`
	BuilderIntro     string `json:"builderIntro" doc:"Embed builder: what the page is for."`
	BuilderNoScript  string `json:"builderNoScript" doc:"Embed builder: said where scripts do not run, above the default codes."`
	BuilderWidget    string `json:"builderWidget" doc:"Embed builder: label of the choice of widget."`
	BuilderLanguage  string `json:"builderLanguage" doc:"Embed builder: label of the choice of language."`
	BuilderOpen      string `json:"builderOpen" doc:"Embed builder: label of where the widget opens."`
	BuilderOpenStart string `json:"builderOpenStart" doc:"Embed builder: the choice to open the widget at its beginning."`
	BuilderTheme     string `json:"builderTheme" doc:"Embed builder: legend of the choice of colours."`
	ThemeLight       string `json:"themeLight" doc:"Embed builder: light colours."`
	ThemeDark        string `json:"themeDark" doc:"Embed builder: dark colours."`
	ThemeAuto        string `json:"themeAuto" doc:"Embed builder: the colours the reader's system prefers."`
	BuilderOwnAccent string `json:"builderOwnAccent" doc:"Embed builder: the choice to keep the widget's own accent colour."`
	BuilderAccent    string `json:"builderAccent" doc:"Embed builder: label of the accent colour."`
	BuilderHeader    string `json:"builderHeader" doc:"Embed builder: the choice to show the widget's title and introduction."`
	BuilderSources   string `json:"builderSources" doc:"Embed builder: the choice to end the widget with the link to its full list of sources (its markers open their sources either way)."`
	BuilderPreview   string `json:"builderPreview" doc:"Embed builder: heading of the preview."`
	BuilderPhone     string `json:"builderPhone" doc:"Embed builder: caption of the preview on a phone."`
	BuilderColumn    string `json:"builderColumn" doc:"Embed builder: caption of the preview in an article column."`
	BuilderCodes     string `json:"builderCodes" doc:"Embed builder: heading of the codes."`
	CodeLoader       string `json:"codeLoader" doc:"Embed builder: the loader code, and when to use it."`
	CodeDiv          string `json:"codeDiv" doc:"Embed builder: the div-and-script code, and when to use it."`
	CodeIFrame       string `json:"codeIFrame" doc:"Embed builder: the plain iframe code, and when to use it."`
	CodeBlock        string `json:"codeBlock" doc:"Embed builder: the values for a CMS's titled-iframe block."`
	CodeBlockURL     string `json:"codeBlockURL" doc:"Embed builder: the block's address field."`
	CodeBlockTitle   string `json:"codeBlockTitle" doc:"Embed builder: the block's title field."`
	CodeBlockHeight  string `json:"codeBlockHeight" doc:"Embed builder: the block's minimum height field."`
	CodeOEmbed       string `json:"codeOEmbed" doc:"Embed builder: the widget's address, for a CMS that embeds pasted links (oEmbed)."`
	CodePrivate      string `json:"codePrivate" doc:"Embed builder: the load-on-click code, and what it does for readers' privacy."`
	Copy             string `json:"copy" doc:"Embed builder: the button that copies a code."`
}
