module fjord-elements/integrations/hugo

go 1.20
